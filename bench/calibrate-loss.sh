#!/usr/bin/env bash
# The content weight at which a reference model rests under the trainer's loss (bench/LossCalibration.java).
#   bench/calibrate-loss.sh [--network squeezenet1.1|vgg19_normalised_relu3_1] [--style-size N] [--count N]
# Defaults: udnie's reference (pytorch_nc16) and painting, ../shared/images/content as photos, and the
# network's weights from ../shared/models/loss_networks; says so and stops when they are absent.
set -euo pipefail
cd "$(dirname "$0")/.."
export ONEDNN_MAX_CPU_ISA=${ONEDNN_MAX_CPU_ISA:-AVX2} # trainer-service/README.md
shared=../shared
args=(--reference $shared/models/fast_neural_style/pytorch_nc16/udnie_nc16.npz --style $shared/images/style/udnie.jpg
  --photos $shared/images/content)
network=squeezenet1.1
prev=""
for a in "$@"; do [ "$prev" = "--network" ] && network=$a; prev=$a; done
case $network in
  squeezenet1.1) args+=(--weights $shared/models/loss_networks/squeezenet1.1/weights_npy) ;;
  *) args+=(--weights $shared/models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz) ;;
esac
app=trainer-service/target/quarkus-app
[ -d "$app" ] || mvn -B -ntp -q -pl trainer-service -am -DskipTests package
exec java -Xmx3g -Dai.djl.pytorch.num_threads=1 -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$app/app/*:$app/lib/main/*:$app/lib/boot/*" bench/LossCalibration.java "${args[@]}" "$@"
