#!/usr/bin/env bash
# Builds Atelier's JVM base image from Debian packages, for machines that cannot pull one from a
# registry: mmdebstrap makes a minimal Debian root file system with a headless JRE, umoci wraps it in
# an OCI image, skopeo writes it as a tar that Jib reads with `tar://` (see the `container` profile
# in pom.xml). Needs root (or fakeroot) and the Debian packages mmdebstrap, umoci and skopeo.
#
#   deploy/images/build-base-image.sh [OUT_DIR]     default OUT_DIR: target/images
#
# Writes OUT_DIR/atelier-base-jre17.tar (docker-archive format, tag atelier/base-jre17:bookworm).
# A tar already there is reused unless FORCE=1.
# Settings by environment: SUITE (bookworm), MIRROR (the system's apt sources when empty),
# JRE_PACKAGE (openjdk-17-jre-headless), APP_UID (10001).
set -euo pipefail

OUT_DIR=${1:-target/images}
SUITE=${SUITE:-bookworm}
MIRROR=${MIRROR:-}
JRE_PACKAGE=${JRE_PACKAGE:-openjdk-17-jre-headless}
APP_UID=${APP_UID:-10001}
TAG=atelier/base-jre17:$SUITE
TAR="$OUT_DIR/atelier-base-jre17.tar"

for tool in mmdebstrap umoci skopeo; do
  command -v "$tool" >/dev/null || { echo "build-base-image: '$tool' is missing (apt-get install mmdebstrap umoci skopeo)" >&2; exit 3; }
done
if [ -s "$TAR" ] && [ "${FORCE:-0}" != 1 ]; then
  echo "build-base-image: $TAR exists; reusing it (FORCE=1 rebuilds)"
  exit 0
fi

mkdir -p "$OUT_DIR"
work=$(mktemp -d "${TMPDIR:-/tmp}/atelier-base.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The root file system: Debian's essential set, the JRE and CA certificates, no docs or man pages,
# a non-root user (uid and gid $APP_UID) that owns /work (the working directory) and nothing else.
# The JRE's postinst wants /usr/share/man/man1 to exist even though man pages are excluded.
mmdebstrap --variant=essential --format=tar \
  --include="$JRE_PACKAGE,ca-certificates" \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --setup-hook='mkdir -p "$1"/usr/share/man/man1' \
  --customize-hook="echo 'atelier:x:$APP_UID:$APP_UID:Atelier:/work:/usr/sbin/nologin' >> \"\$1/etc/passwd\"" \
  --customize-hook="echo 'atelier:x:$APP_UID:' >> \"\$1/etc/group\"" \
  --customize-hook="mkdir -p \"\$1/work\" && chown $APP_UID:$APP_UID \"\$1/work\"" \
  --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/var/log/*' \
  "$SUITE" "$work/rootfs.tar" $MIRROR

# One layer, configured to run as the non-root user with the JRE on the PATH.
umoci init --layout "$work/oci"
umoci new --image "$work/oci:base"
umoci raw add-layer --image "$work/oci:base" --history.created_by "mmdebstrap $SUITE $JRE_PACKAGE" "$work/rootfs.tar"
tar -tf "$work/rootfs.tar" > "$work/rootfs.list"
java_home=$(grep -E '^\./usr/lib/jvm/java-[0-9]+-openjdk-[a-z0-9]+/$' "$work/rootfs.list" | head -n1 | sed 's|^\.||; s|/$||')
[ -n "$java_home" ] || { echo "build-base-image: no JRE under /usr/lib/jvm in the root file system" >&2; exit 1; }
umoci config --image "$work/oci:base" \
  --config.user "$APP_UID:$APP_UID" \
  --config.workingdir /work \
  --config.env "JAVA_HOME=$java_home" \
  --config.env 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --config.env 'LANG=C.UTF-8' \
  --author 'Atelier deploy/images/build-base-image.sh'

rm -f "$TAR"
skopeo copy --quiet "oci:$work/oci:base" "docker-archive:$TAR:$TAG"
echo "build-base-image: wrote $TAR ($(du -h "$TAR" | cut -f1), $TAG, JAVA_HOME=$java_home)"
