#!/usr/bin/env bash
# Inference time of one style model per image size, as a worker runs it (bench/InferenceBench.java),
# with the ONNX Runtime jar the inference worker builds with (-Pgpu for the CUDA one, then pass --cuda).
#   bench/inference.sh MODEL.onnx [--threads 2] [--sizes 256,512,1024] [--runs 10] [--cuda]
#   MAVEN_ARGS=-Pgpu bench/inference.sh MODEL.onnx --cuda --threads 4
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
model=$(realpath "$1"); shift
cp_file=target/bench-classpath.txt
mkdir -p target
mvn -B -ntp -q ${MAVEN_ARGS:-} -f inference-worker/pom.xml dependency:build-classpath \
  -DincludeArtifactIds=onnxruntime,onnxruntime_gpu -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
exec java -cp "$(cat "$cp_file")" bench/InferenceBench.java "$model" "$@"
