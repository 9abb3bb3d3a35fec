#!/usr/bin/env bash
# Bulk CLI benchmark: 200 rooms destroyed through `zim destroy-room --file` against a standalone
# simulator enforcing DestroyRoom's 20/s, three runs, through the cli/target/zim launcher
# (mvn -B -q -DskipTests package). Writes benchmarks/results/bulk-cli.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
zim=cli/target/zim
out=benchmarks/results/bulk-cli.txt
runs=${RUNS:-3}
rooms=$(mktemp)
trap 'rm -f "$rooms"; [ -n "${sim:-}" ] && kill "$sim" 2>/dev/null || true' EXIT
seq -f "bulk-%g" 1 200 > "$rooms"
secret=0123456789abcdef0123456789abcdef
{
  echo "# 200 rooms, DestroyRoom at 20/s (floor 10 s), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "# run  process_wall_s  run_s  (run_s: the CLI's own summary, without JVM start)"
} > "$out"
for run in $(seq 1 "$runs"); do
  log=$(mktemp)
  # shellcheck disable=SC2046
  "$zim" simulator --port 0 --app-id 7 --server-secret "$secret" \
      $(sed 's/^/--seed-room /' "$rooms") > "$log" 2>&1 &
  sim=$!
  for _ in $(seq 1 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
  url=$(grep -o 'http://[^ ]*' "$log")
  start=$(date +%s.%N)
  "$zim" destroy-room --file "$rooms" --app-id 7 --server-secret "$secret" --endpoint "$url" \
      > /dev/null 2> "$log.err"
  end=$(date +%s.%N)
  summary=$(tail -1 "$log.err")
  run_s=$(echo "$summary" | sed -E 's/.* in ([0-9.]+) s .*/\1/')
  printf '%s  %.2f  %s  # %s\n' "$run" "$(echo "$end - $start" | bc)" "$run_s" "$summary" >> "$out"
  kill "$sim"; wait "$sim" 2>/dev/null || true; sim=
  rm -f "$log" "$log.err"
done
cat "$out"
