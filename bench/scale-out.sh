#!/usr/bin/env bash
# Throughput with one worker and with two, each pinned to a core of its own, in one run through the whole local
# system (bench/ScaleOut.java). Linux only (taskset). Needs the project built (mvn -DskipTests install).
#   bench/scale-out.sh [--size 256] [--jobs 24] [--style udnie] [--cores 0,1] [--concurrent-jobs 2] [--batch-size 1]
set -euo pipefail
cd "$(dirname "$0")/.."
cli=deploy/local/cli/target
[ -f "$cli/atelier-cli.jar" ] || mvn -B -ntp -q -DskipTests install
exec java -Xmx1g -cp "$cli/atelier-cli.jar:$cli/lib/*" bench/ScaleOut.java "$@"
