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
declare -A times cpu
TIMEFORMAT='%R %U %S'
for round in $(seq 1 "$rounds"); do
  for way in $(printf '%s\n' "${!ways[@]}" | shuf); do
    for command in "${commands[@]}"; do
      # shellcheck disable=SC2086
      measured=$( { time ${ways[$way]} $command > /dev/null 2>&1; } 2>&1 )
      read -r real user sys <<< "$measured"
      times["$way|$command"]+="$(echo "$real * 1000 / 1" | bc) "
      cpu["$way|$command"]+="$(echo "($user + $sys) * 1000 / 1" | bc) "
    done
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
minimum() { tr ' ' '\n' | grep -v '^$' | sort -n | head -1; }
{
  echo "# zim start-up, ms over $rounds interleaved rounds; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $(java -version 2>&1 | head -1)"
  echo "# wall: elapsed time; cpu: user + system time of the process, which other load disturbs less"
  printf '%-10s  %-26s  %9s  %9s  %9s\n' way command wall_med wall_min cpu_med
  for way in jar jar-flags launcher; do
    for command in "${commands[@]}"; do
      values=${times["$way|$command"]}
      printf '%-10s  %-26s  %9s  %9s  %9s\n' "$way" "$command" "$(echo "$values" | median)" "$(echo "$values" | minimum)" \
          "$(echo "${cpu["$way|$command"]}" | median)"
    done
  done
} > "$out"
cat "$out"
