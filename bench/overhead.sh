#!/usr/bin/env bash
# What the pipeline adds to the model's own time (bench/Overhead.java): POST /v1/stylize?wait=30 through the whole
# local system, one call at a time, against the same model in ONNX Runtime in-process, in one run.
# Needs the project built (mvn -DskipTests install).
#   bench/overhead.sh [--size 512] [--calls 20] [--warmup 10] [--style udnie] [--format png]
set -euo pipefail
cd "$(dirname "$0")/.."
cli=deploy/local/cli/target
[ -f "$cli/atelier-cli.jar" ] || mvn -B -ntp -q -DskipTests install
ort=$(ls inference-worker/target/quarkus-app/lib/main/com.microsoft.onnxruntime.onnxruntime-*.jar | head -1)
exec java -Xmx1g -cp "$cli/atelier-cli.jar:$cli/lib/*:$ort" bench/Overhead.java "$@"
