#!/usr/bin/env bash
# Runs the properties module's tests N times, each with a fresh random root seed (-Dtwostage.seed=random), and
# prints one line per run: the root seed drawn and the Surefire summary. Usage: tools/fresh-seed-runs.sh [N]
# The modules are installed once first (tests skipped), so each run costs only the property tests.
set -uo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
mvn -B -ntp -q install -DskipTests -Dallure.skip=true >/dev/null 2>&1 || { echo "install failed"; exit 1; }
fails=0
for i in $(seq 1 "$n"); do
  out=$(mvn -B -ntp -o -pl properties dependency:properties surefire:test -Dtwostage.seed=random 2>&1)
  seed=$(echo "$out" | grep -o 'fresh root seed for this run: -Dtwostage.seed=[-0-9]*' | head -1 | sed 's/.*=//')
  summary=$(echo "$out" | grep -E '^\[(INFO|ERROR)\] Tests run:' | tail -1)
  echo "run $i seed $seed: $summary"
  echo "$out" | grep -q "BUILD SUCCESS" || fails=$((fails + 1))
done
echo "fresh-seed runs: $n, failed: $fails"
