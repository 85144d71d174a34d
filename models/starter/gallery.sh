#!/usr/bin/env bash
# Writes docs/gallery.md and docs/gallery/<style>.jpg (models/starter/Gallery.java): per starter model, the
# painting, two photos no model here was trained on, our result and the reference model's where ../shared has one.
# Run it again whenever a starter model changes, and look at every sheet before committing.
#   models/starter/gallery.sh [SIDE (512)] [PHOTO ...]   (default photos: samples/astronaut.jpg, ../shared/images/content/chicago.jpg)
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=../shared
[ -d "$shared/images/style" ] || { echo "skipped: the paintings of $shared/images/style are absent"; exit 0; }
side=${1:-512}
shift || true
photos=("$@")
[ ${#photos[@]} -gt 0 ] || photos=(samples/astronaut.jpg "$shared/images/content/chicago.jpg")
app=trainer-service/target/quarkus-app
[ -d "$app" ] || mvn -B -ntp -q -pl trainer-service -am -DskipTests package
exec java -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$app/app/*:$app/lib/main/*:$app/lib/boot/*" models/starter/Gallery.java \
  models/starter "$shared/images/style" "$shared/models/fast_neural_style/pytorch_nc16" docs "$side" "${photos[@]}"
