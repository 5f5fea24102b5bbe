#!/usr/bin/env bash
# Runs two builds (or two sets of JVM flags) at the same time, each under its own bench/probe_load.py with its own
# target, for a number of rounds. On a shared machine whose speed changes by the hour, two runs one after the other
# differ by more than most changes do; two runs at the same time share whatever the machine does, so their ratio is
# what the change did. (Both together load the machine more than one alone: compare within a round, not with
# figures measured alone.)
#
# Usage: bench/side_by_side.sh CHECKS INTERVAL ROUNDS JAR_A "FLAGS_A" JAR_B "FLAGS_B"
#   FLAGS are added to bin/sentinel's JVM flags; "" for none. Each run maps its jar's class data sharing archive.
# Example: bench/side_by_side.sh 1000 10 3 before/sentinel.jar "" target/sentinel.jar ""
set -euo pipefail
cd "$(dirname "$0")/.."
checks=$1 interval=$2 rounds=$3 jar_a=$4 flags_a=$5 jar_b=$6 flags_b=$7
# bin/sentinel's flags: bench/probe_load.py's JVM_FLAGS, one list for both harnesses
base=$(python3 -c 'import sys; sys.path.insert(0, "bench"); import probe_load; print(" ".join(probe_load.JVM_FLAGS))')
window="--warmup 60 --window 60"
[ "$checks" -ge 1000 ] && window="--warmup 45 --window 60"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
figures() { grep -E '"(cpu_ms_per_probe|cpu_s_per_30s|peak_rss_mib)"' "$1" | tr -d '\n '; }
# each jar's class data sharing archive made first, one at a time, not by two runs at once
for jar in "$jar_a" "$jar_b"; do
  archive=${jar%.jar}.jsa
  if [ ! -s "$archive" ] || [ ! "$archive" -nt "$jar" ]; then
    docker/cds-archive.sh "$jar" "$archive" >&2
  fi
done
for round in $(seq "$rounds"); do
  # shellcheck disable=SC2086 # $window is a list of options
  python3 bench/probe_load.py --checks "$checks" --interval "$interval" $window --cds --jar "$jar_a" \
    --jvm "$base $flags_a" > "$out/a" 2>&1 &
  a=$!
  # shellcheck disable=SC2086
  python3 bench/probe_load.py --checks "$checks" --interval "$interval" $window --cds --jar "$jar_b" \
    --jvm "$base $flags_b" > "$out/b" 2>&1 &
  b=$!
  wait $a $b
  echo "round $round A ($jar_a $flags_a): $(figures "$out/a")"
  echo "round $round B ($jar_b $flags_b): $(figures "$out/b")"
done
