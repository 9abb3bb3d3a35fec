#!/usr/bin/env bash
# Start-up of one zim command: `zim --version`, and one destroy-room against the embedded
# simulator, each run as `java -jar zim.jar` and through the cli/target/zim launcher (client
# compiler only, serial GC, class-data sharing archive). The ways are interleaved round by round so
# that the machine's drift lands on all of them. Needs cli/target/zim and zim.jar
# (mvn -B -q -DskipTests package). Writes benchmarks/results/cli-startup.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-10}
out=benchmarks/results/cli-startup.txt
export ZIM_CONFIG_FILE=/nonexistent/zim-config   # no profile: the embedded simulator
jar=cli/target/zim.jar
launcher=cli/target/zim
declare -A ways=(
  [jar]="java -jar $jar"
  [jar-flags]="java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $jar"
  [launcher]="$launcher"
)
commands=("--version" "destroy-room startup-room")
declare -A times
for round in $(seq 1 "$rounds"); do
  for way in $(printf '%s\n' "${!ways[@]}" | shuf); do
    for command in "${commands[@]}"; do
      start=$(date +%s%N)
      # shellcheck disable=SC2086
      ${ways[$way]} $command > /dev/null 2>&1
      end=$(date +%s%N)
      times["$way|$command"]+="$(( (end - start) / 1000000 )) "
    done
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
minimum() { tr ' ' '\n' | grep -v '^$' | sort -n | head -1; }
{
  echo "# zim start-up, wall ms over $rounds interleaved rounds; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $(java -version 2>&1 | head -1)"
  printf '%-10s  %-26s  %8s  %8s\n' way command median_ms min_ms
  for way in jar jar-flags launcher; do
    for command in "${commands[@]}"; do
      values=${times["$way|$command"]}
      printf '%-10s  %-26s  %8s  %8s\n' "$way" "$command" "$(echo "$values" | median)" "$(echo "$values" | minimum)"
    done
  done
} > "$out"
cat "$out"
