#!/usr/bin/env bash
# The worker's peak resident memory on one large photo through the whole local system (bench/WorkerMemory.java):
# a photo of N megapixels made from a real one, submitted through the gateway, SUCCEEDED or not, peak RSS printed.
# Linux only (reads /proc). Needs the project built (mvn -DskipTests install).
#   bench/worker-memory.sh [--megapixels 40] [--budget 2560M] [--style udnie]
set -euo pipefail
cd "$(dirname "$0")/.."
cli=deploy/local/cli/target
[ -f "$cli/atelier-cli.jar" ] || mvn -B -ntp -q -DskipTests install
exec java -Xmx2g -cp "$cli/atelier-cli.jar:$cli/lib/*" bench/WorkerMemory.java "$@"
