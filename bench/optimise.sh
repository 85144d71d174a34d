#!/usr/bin/env bash
# Seconds to quality of optimisation jobs (mode=optimise) on this machine, per loss network and side, on held-out
# photos of ../shared/images/content and paintings of ../shared/images/style (bench/OptimiseBench.java).
#   bench/optimise.sh [--sides 256,512] [--networks ...] [--paintings starry_night,the_scream] [--photos chicago,golden_gate]
#       [--max-steps 500] [--check-every 10] [--target 0.3] [--coarse-steps N] [--methods adam,lbfgs] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export ONEDNN_MAX_CPU_ISA=${ONEDNN_MAX_CPU_ISA:-AVX2} # trainer-service/README.md
shared=../shared
for needed in images/content images/style models/loss_networks/squeezenet1.1/weights_npy \
  models/loss_networks/vgg19_normalised_relu3_1 models/fast_neural_style/pytorch_nc16; do
  [ -e "$shared/$needed" ] || { echo "skipped: $shared/$needed is absent"; exit 0; }
done
app=trainer-service/target/quarkus-app
[ -d "$app" ] || mvn -B -ntp -q -pl trainer-service -am -DskipTests package
exec java -Xmx4g -Dai.djl.pytorch.num_threads="${THREADS:-2}" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$app/app/*:$app/lib/main/*:$app/lib/boot/*" bench/OptimiseBench.java --shared "$shared" "$@"
