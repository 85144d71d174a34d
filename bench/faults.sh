#!/usr/bin/env bash
# Faults under a steady load through the whole local system (bench/Faults.java): the worker, the gateway and the Kafka
# broker killed with SIGKILL in turn, the S3 server stopped for a while; then every accepted job is looked up. The last
# line: accepted N, succeeded N, failed N, lost N, stuck N, p99 latency X s. Exit 1 when a job was lost or stuck.
# Needs the project built (mvn -DskipTests install).
#   bench/faults.sh [--phase 30] [--interval 1.0] [--s3-outage 20] [--settle 180]
set -euo pipefail
cd "$(dirname "$0")/.."
cli=deploy/local/cli/target
[ -f "$cli/atelier-cli.jar" ] || mvn -B -ntp -q -DskipTests install
exec java -Xmx1g -cp "$cli/atelier-cli.jar:$cli/lib/*" bench/Faults.java "$@"
