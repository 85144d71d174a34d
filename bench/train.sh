#!/usr/bin/env bash
# Training speed on this machine (bench/TrainBench.java): images/s of a training step at 256 px for base widths
# 8/16/32, and of the forward pass in DJL against ONNX Runtime on the same weights (ratio in the same run).
#   bench/train.sh [--steps 6] [--batch 2] [--size 256] [--widths 8,16,32] [--threads N]
# Reads SqueezeNet from ../shared/models/loss_networks (or --loss-network PATH); says so and stops without it.
set -euo pipefail
cd "$(dirname "$0")/.."
export ONEDNN_MAX_CPU_ISA=${ONEDNN_MAX_CPU_ISA:-AVX2} # trainer-service/README.md
args=()
threads=()
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads=(-Dai.djl.pytorch.num_threads="$2" -Dai.djl.pytorch.num_interop_threads="$2"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
case " ${args[*]:-} " in
  *" --loss-network "*) ;;
  *) args+=(--loss-network ../shared/models/loss_networks/squeezenet1.1/weights_npy) ;;
esac
app=trainer-service/target/quarkus-app
[ -d "$app" ] || mvn -B -ntp -q -pl trainer-service -am -DskipTests package
exec java -Xmx2g "${threads[@]}" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$app/app/*:$app/lib/main/*:$app/lib/boot/*" bench/TrainBench.java "${args[@]}"
