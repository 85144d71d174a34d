#!/usr/bin/env bash
# Retrains the starter models with the project's own trainer, as they were trained: one after another, each
# resumable from its checkpoints (run again to continue). Needs the paintings and loss networks of ../shared
# and a folder of content photos, e.g. the Debian set (./atelier dataset debian writes it to S3; the same
# photos unpacked locally work here). A model is written to OUT/<style> only when it passes the quality gate.
#   usage: models/starter/train.sh PHOTOS_DIR OUT_DIR [STYLE ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
photos=${1:?usage: models/starter/train.sh PHOTOS_DIR OUT_DIR [STYLE ...]}
out=${2:?usage: models/starter/train.sh PHOTOS_DIR OUT_DIR [STYLE ...]}
shift 2
paintings=../shared/images/style
# One PyTorch thread per training, so two trainings share the two cores.
export OMP_NUM_THREADS=1 JAVA_TOOL_OPTIONS="-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1"
# 1000 steps of 2 crops at the trainer's default learning rate (0.005): about 30 minutes per style on one free
# core of the build machines.
common=(--photos "$photos" --width 16 --batch 2 --image-size 256 --steps 1000 --content-weight 10
  --checkpoint-every 100 --preview-every 250 --log-every 50)

train() { # id painting title credit [extra options]
  local id=$1 painting=$2 title=$3 credit=$4
  shift 4
  ./atelier train-starter --style "$paintings/$painting" --style-id "$id" --title "$title" --credit "$credit" \
    --out "$out/$id" "${common[@]}" "$@"
}

styles=("$@")
[ ${#styles[@]} -gt 0 ] || styles=(udnie great-wave the-scream shipwreck)
for style in "${styles[@]}"; do
  case $style in
    udnie) train udnie udnie.jpg "Udnie" "Francis Picabia, Udnie (1913), public domain" \
      --reference ../shared/models/fast_neural_style/pytorch_nc16/udnie_nc16.onnx ;;
    great-wave) train great-wave great_wave.jpg "The Great Wave" \
      "Katsushika Hokusai, The Great Wave off Kanagawa (c. 1831), public domain" --learning-rate 0.01 ;;
    starry-night) train starry-night starry_night.jpg "The Starry Night" "Vincent van Gogh, The Starry Night (1889), public domain" ;;
    the-scream) train the-scream the_scream.jpg "The Scream" "Edvard Munch, The Scream (1893), public domain" ;;
    shipwreck) train shipwreck shipwreck.jpg "The Shipwreck of the Minotaur" \
      "J. M. W. Turner, The Shipwreck of the Minotaur (c. 1810), public domain" ;;
    *) echo "unknown style $style" >&2; exit 2 ;;
  esac
done
