#!/usr/bin/env bash
# Proves the image path end to end without a Docker daemon:
#   1. builds the JVM base image from Debian packages (build-base-image.sh, reused when present),
#   2. starts Debian's docker-registry on a loopback port and builds the gateway image with the Maven
#      `container` profile (Quarkus Jib, base read from the local tar, pushed to that registry),
#   3. copies the image out with skopeo, unpacks it with umoci and starts it with runc, as the image's
#      non-root user, on a read-only root file system with a tmpfs /tmp,
#   4. asks the gateway's /q/health/live from inside that container (and checks it runs non-root).
# Needs root and the Debian packages mmdebstrap umoci skopeo runc docker-registry (INSTALL=1 installs
# them with apt-get; CI sets it). Without them: exits 77 with a message, unless CI=true (then fails).
#
#   deploy/images/test-gateway-image.sh          work folder: target/images (kept for inspection)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=${WORK:-$ROOT/target/images}
TOOLS=(mmdebstrap umoci skopeo runc docker-registry)
PACKAGES=(mmdebstrap umoci skopeo runc docker-registry curl)

say() { echo "test-gateway-image: $*"; }
missing() { local t m=(); for t in "${TOOLS[@]}"; do command -v "$t" >/dev/null || m+=("$t"); done; echo "${m[*]}"; }

if [ -n "$(missing)" ] && [ "${INSTALL:-0}" = 1 ] && [ "$(id -u)" = 0 ]; then
  say "installing ${PACKAGES[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
fi
if [ -n "$(missing)" ] || [ "$(id -u)" != 0 ]; then
  why="missing tools: $(missing)"; [ "$(id -u)" = 0 ] || why="$why; needs root (runc, mmdebstrap)"
  if [ "${CI:-}" = true ]; then say "FAILED: $why"; exit 1; fi
  say "SKIPPED (not run): $why. Run with INSTALL=1 as root, or apt-get install ${PACKAGES[*]}"
  exit 77
fi

mkdir -p "$WORK"
bash deploy/images/build-base-image.sh "$WORK"
BASE_TAR="$WORK/atelier-base-jre17.tar"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
REG_PORT=$(free_port)
APP_PORT=$(free_port)
REGISTRY=127.0.0.1:$REG_PORT
CID=atelier-gateway-test-$$
registry_pid=
cleanup() {
  runc kill "$CID" KILL >/dev/null 2>&1 || true
  runc delete --force "$CID" >/dev/null 2>&1 || true
  [ -z "$registry_pid" ] || kill "$registry_pid" 2>/dev/null || true
}
trap cleanup EXIT

# A throwaway registry on loopback: storage under the work folder, no auth.
rm -rf "$WORK/registry"; mkdir -p "$WORK/registry"
cat > "$WORK/registry/config.yml" <<YAML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $WORK/registry/data}}
http: {addr: $REGISTRY}
YAML
docker-registry serve "$WORK/registry/config.yml" > "$WORK/registry/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 50); do curl -fsS "http://$REGISTRY/v2/" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "http://$REGISTRY/v2/" >/dev/null || { say "FAILED: registry did not start"; cat "$WORK/registry/registry.log"; exit 1; }

say "building the gateway image on tar://$BASE_TAR, pushing to $REGISTRY"
mvn -B -ntp -q -Pcontainer -pl gateway-service -am package -DskipTests \
  -Datelier.image.base="tar://$BASE_TAR" -Datelier.image.registry="$REGISTRY" -Datelier.image.insecure=true
VERSION=$(mvn -B -ntp -q -f gateway-service/pom.xml help:evaluate -Dexpression=project.version -DforceStdout \
  | sed 's/\x1b\[[0-9;]*m//g')
IMAGE=$REGISTRY/atelier/gateway-service:$VERSION

rm -rf "$WORK/gateway-oci" "$WORK/gateway-bundle"
skopeo copy --quiet --src-tls-verify=false "docker://$IMAGE" "oci:$WORK/gateway-oci:gateway"
umoci unpack --image "$WORK/gateway-oci:gateway" "$WORK/gateway-bundle"

# The container as Kubernetes would run it (deploy/k8s): read-only root, /tmp a tmpfs, no new
# privileges, the image's user. It shares the host's network namespace so that the test can reach it.
python3 - "$WORK/gateway-bundle/config.json" "$APP_PORT" <<'PY'
import json, sys
path, port = sys.argv[1], sys.argv[2]
c = json.load(open(path))
c["root"]["readonly"] = True
c["process"]["terminal"] = False
c["process"]["noNewPrivileges"] = True
c["process"]["env"] += [f"QUARKUS_HTTP_PORT={port}", "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1",
                        "ATELIER_S3_ENDPOINT=http://127.0.0.1:1"]
c["linux"]["namespaces"] = [n for n in c["linux"]["namespaces"] if n["type"] != "network"]
c["mounts"] = [m for m in c["mounts"] if m["destination"] != "/tmp"] + [
    {"destination": "/tmp", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "nodev", "mode=1777", "size=256m"]}]
json.dump(c, open(path, "w"), indent=2)
PY
uid=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["process"]["user"]["uid"])' "$WORK/gateway-bundle/config.json")
[ "$uid" != 0 ] || { say "FAILED: the image runs as root"; exit 1; }

say "starting $IMAGE with runc (uid $uid, port $APP_PORT)"
runc run --bundle "$WORK/gateway-bundle" "$CID" > "$WORK/gateway-container.log" 2>&1 < /dev/null &
body=
for _ in $(seq 120); do
  body=$(curl -fsS "http://127.0.0.1:$APP_PORT/q/health/live" 2>/dev/null) && break
  sleep 0.5
done
if ! echo "$body" | grep -q '"status": *"UP"'; then
  say "FAILED: /q/health/live did not answer UP within 60 s (got: ${body:-nothing})"
  tail -40 "$WORK/gateway-container.log"
  exit 1
fi
# The readiness endpoint the Kubernetes probe uses must exist too (it says DOWN here: no Kafka or S3
# runs, so 503 is the right answer; 404 would mean a wrong probe path). Liveness, which the startup
# probe also uses, answered UP above without Kafka: a broker outage does not restart pods.
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT/q/health/ready")
case "$code" in
  200|503) ;;
  *) say "FAILED: /q/health/ready answered HTTP $code"; exit 1 ;;
esac
pid=$(runc state "$CID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pid"])')
running_uid=$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")
[ "$running_uid" = "$uid" ] && [ "$running_uid" != 0 ] || { say "FAILED: the JVM runs as uid $running_uid, expected $uid"; exit 1; }
say "PASSED: /q/health/live answered from inside the container (JVM uid $running_uid, read-only root): $(echo "$body" | tr -d '\n ' | cut -c1-100)"
say "image: $IMAGE, $(du -sh "$WORK/gateway-oci" | cut -f1) as an OCI layout"
rm -rf "$WORK/gateway-bundle" "$WORK/registry/data"
