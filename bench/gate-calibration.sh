#!/usr/bin/env bash
# The quality gate's figures for the reference models of ../shared and the starter models (bench/GateCalibration.java),
# judged on the photos of ../shared/images/content, which no model here was trained on.
#   bench/gate-calibration.sh [--side 384] [NAME=PAINTING=MODEL.onnx ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export ONEDNN_MAX_CPU_ISA=${ONEDNN_MAX_CPU_ISA:-AVX2} # trainer-service/README.md
shared=../shared
for needed in images/content models/loss_networks/squeezenet1.1/weights_npy models/fast_neural_style/pytorch_nc16; do
  [ -e "$shared/$needed" ] || { echo "skipped: $shared/$needed is absent"; exit 0; }
done
models=()
extra=()
for a in "$@"; do case $a in *=*=*) models+=("$a") ;; *) extra+=("$a") ;; esac; done
if [ ${#models[@]} -eq 0 ]; then
  for style in candy mosaic udnie; do
    models+=("reference $style=$shared/images/style/$style.jpg=$shared/models/fast_neural_style/pytorch_nc16/${style}_nc16.onnx")
  done
  for dir in models/starter/*/; do
    id=$(basename "$dir")
    painting=$(sed -n 's/^- file: `\(.*\)`, sha256.*/\1/p' "$dir/MODEL_CARD.md" | head -1)
    [ -f "$dir/$id.onnx" ] && [ -n "$painting" ] && models+=("starter $id=$shared/images/style/$painting=$dir/$id.onnx")
  done
fi
app=trainer-service/target/quarkus-app
[ -d "$app" ] || mvn -B -ntp -q -pl trainer-service -am -DskipTests package
exec java -Xmx3g -Dai.djl.pytorch.num_threads=1 -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$app/app/*:$app/lib/main/*:$app/lib/boot/*" bench/GateCalibration.java --photos $shared/images/content \
  --squeezenet $shared/models/loss_networks/squeezenet1.1/weights_npy \
  --vgg $shared/models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz ${extra[@]+"${extra[@]}"} "${models[@]}"
