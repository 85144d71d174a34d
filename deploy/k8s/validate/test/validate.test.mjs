// The checks of validate.mjs must fail on what they exist to catch: these tests plant typos and policy
// violations in the rendered overlays (and, once, in the kustomize sources) and expect the failure.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { loadCrdValidators } from "../lib/schemas.mjs";
import { validateText } from "../validate.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const k8sDir = path.resolve(here, "../..");
const renderedDir = process.env.RENDERED_DIR;
const crdsDir = process.env.CRDS_DIR;
const kubectl = process.env.KUBECTL ?? "kubectl";
assert.ok(renderedDir && crdsDir, "run through check.sh (RENDERED_DIR and CRDS_DIR)");
const crds = loadCrdValidators(crdsDir);

const load = (overlay) => YAML.parseAllDocuments(fs.readFileSync(path.join(renderedDir, `${overlay}.yaml`), "utf8"))
  .map((d) => d.toJS()).filter(Boolean);
const dump = (objects) => objects.map((o) => YAML.stringify(o)).join("---\n");
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && (!name || o.metadata.name === name));
const problemsOf = async (objects) => (await validateText(dump(objects), crds)).problems;
const mutated = async (overlay, mutate) => {
  const objects = load(overlay);
  mutate(objects);
  return problemsOf(objects);
};

for (const overlay of ["dev", "gpu"]) {
  test(`${overlay}: the rendered overlay passes`, async () => {
    assert.deepEqual(await problemsOf(load(overlay)), []);
  });
}

test("a planted typo in the kustomize sources (replicaz, partitons) fails the rendered check", async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-k8s-"));
  try {
    for (const dir of ["base", "overlays"]) fs.cpSync(path.join(k8sDir, dir), path.join(copy, dir), { recursive: true });
    const plant = (file, from, to) => {
      const p = path.join(copy, file);
      const text = fs.readFileSync(p, "utf8");
      assert.ok(text.includes(from), `${file} contains '${from}'`);
      fs.writeFileSync(p, text.replace(from, to));
    };
    plant("base/gateway.yaml", "\n  replicas: 2\n", "\n  replicaz: 2\n");
    plant("overlays/dev/topics.yaml", "\n  partitions: 6\n", "\n  partitons: 6\n");
    const rendered = execFileSync(kubectl, ["kustomize", path.join(copy, "overlays/dev")], { encoding: "utf8" });
    const { problems } = await validateText(rendered, crds);
    assert.ok(problems.includes("Deployment/atelier-gateway: unknown field /spec/replicaz"), problems.join("\n"));
    assert.ok(problems.includes("KafkaTopic/atelier.stylize.requests: unknown field /spec/partitons"), problems.join("\n"));
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test("unknown fields are rejected at any depth, in core, KEDA, Prometheus-operator and Strimzi kinds", async () => {
  const problems = await mutated("dev", (o) => {
    find(o, "Deployment", "atelier-worker").spec.template.spec.containers[0].imagePullPolicyy = "Always";
    find(o, "Service", "atelier-gateway").metadata.labelz = { a: "b" };
    find(o, "ScaledObject", "atelier-worker").spec.maxReplicaCnt = 3;
    find(o, "ScaledJob").spec.jobTargetRef.template.spec.containers[0].resources.limitz = { cpu: "1" };
    find(o, "Kafka").spec.kafka.listeners[0].tlz = false;
    find(o, "KafkaNodePool").spec.storage.volumes[0].sise = "1Gi";
    find(o, "PrometheusRule").spec.groups[0].rules[0].lables = { severity: "page" };
  });
  for (const expected of [
    "Deployment/atelier-worker: unknown field /spec/template/spec/containers/0/imagePullPolicyy",
    "Service/atelier-gateway: unknown field /metadata/labelz",
    "ScaledObject/atelier-worker: unknown field /spec/maxReplicaCnt",
    "ScaledJob/atelier-trainer: unknown field /spec/jobTargetRef/template/spec/containers/0/resources/limitz",
    "Kafka/atelier: unknown field /spec/kafka/listeners/0/tlz",
    "KafkaNodePool/dual-role: unknown field /spec/storage/volumes/0/sise",
    "PrometheusRule/atelier: unknown field /spec/groups/0/rules/0/lables",
  ]) assert.ok(problems.includes(expected), `expected '${expected}' in:\n${problems.join("\n")}`);
});

test("wrong types and missing required fields are rejected", async () => {
  const problems = await mutated("dev", (o) => {
    find(o, "Deployment", "atelier-gateway").spec.replicas = "two";
    delete find(o, "KafkaTopic", "atelier.models").spec.partitions;
    find(o, "KafkaTopic", "atelier.models").spec.partitions = 0;
    delete find(o, "ScaledObject", "atelier-worker").spec.scaleTargetRef;
  });
  assert.ok(problems.some((p) => p.startsWith("Deployment/atelier-gateway: ") && p.includes("/spec/replicas")), problems.join("\n"));
  assert.ok(problems.some((p) => p.startsWith("KafkaTopic/atelier.models: /spec/partitions")), problems.join("\n"));
  assert.ok(problems.some((p) => p.startsWith("ScaledObject/atelier-worker: ") && p.includes("scaleTargetRef")), problems.join("\n"));
});

test("a kind no schema covers is an error, not a pass", async () => {
  const problems = await problemsOf([{ apiVersion: "example.com/v1", kind: "Frobnicator", metadata: { name: "x" } }]);
  assert.deepEqual(problems, ["Frobnicator/x: no schema for example.com/v1 Frobnicator"]);
});

test("policy: a container without limits, probes or non-root fails", async () => {
  const problems = await mutated("gpu", (o) => {
    const gateway = find(o, "Deployment", "atelier-gateway").spec.template.spec;
    delete gateway.containers[0].resources.limits;
    delete gateway.containers[0].readinessProbe;
    delete gateway.securityContext.runAsNonRoot;
    delete gateway.containers[0].securityContext.runAsNonRoot;
    const trainer = find(o, "ScaledJob").spec.jobTargetRef.template.spec.containers[0];
    trainer.securityContext.readOnlyRootFilesystem = false;
    delete trainer.startupProbe;
  });
  for (const expected of [
    "Deployment/atelier-gateway container gateway: no cpu limits",
    "Deployment/atelier-gateway container gateway: no memory limits",
    "Deployment/atelier-gateway container gateway: no readinessProbe",
    "Deployment/atelier-gateway container gateway: runAsNonRoot is not true",
    "ScaledJob/atelier-trainer container trainer: root file system is writable",
    "ScaledJob/atelier-trainer container trainer: no startupProbe",
  ]) assert.ok(problems.includes(expected), `expected '${expected}' in:\n${problems.join("\n")}`);
});

test("policy: the probe exemption holds for one-shot Jobs only, and images must be pinned", async () => {
  const problems = await mutated("dev", (o) => {
    find(o, "Deployment", "atelier-worker").spec.template.metadata.annotations["atelier.dev/probes-exempt"] = "why not";
    find(o, "StatefulSet").spec.template.spec.containers[0].image = "quay.io/minio/minio:latest";
  });
  assert.ok(problems.includes("Deployment/atelier-worker: atelier.dev/probes-exempt is allowed on one-shot Jobs only"), problems.join("\n"));
  assert.ok(problems.includes("StatefulSet/atelier-minio container minio: image 'quay.io/minio/minio:latest' has no pinned tag or digest"), problems.join("\n"));
});

test("policy: references, topics and partitions are consistent", async () => {
  const problems = await mutated("dev", (o) => {
    find(o, "Deployment", "atelier-gateway").spec.template.spec.containers[0].envFrom[0].configMapRef.name = "atelier-confg";
    find(o, "ScaledObject", "atelier-worker").spec.maxReplicaCount = 7;
    o.splice(o.indexOf(find(o, "KafkaTopic", "atelier.stylize.requests.dlq")), 1);
    find(o, "KafkaTopic", "atelier.models").spec.config["cleanup.policy"] = "delete";
    find(o, "PodDisruptionBudget", "atelier-gateway").spec.selector.matchLabels["app.kubernetes.io/name"] = "gateway";
  });
  for (const expected of [
    "Deployment/atelier-gateway: ConfigMap atelier-confg is not in the rendered set",
    "ScaledObject/atelier-worker: maxReplicaCount 7 exceeds the 6 partitions of atelier.stylize.requests",
    "KafkaTopic atelier.stylize.requests.dlq is missing",
    "KafkaTopic/atelier.models: must be compacted with 1 partition",
    'PodDisruptionBudget/atelier-gateway: selector {"app.kubernetes.io/name":"gateway"} matches no pod template',
  ]) assert.ok(problems.includes(expected), `expected '${expected}' in:\n${problems.join("\n")}`);
});

test("policy: a worker's shutdown wait must end before Kubernetes kills the pod", async () => {
  const problems = await mutated("gpu", (o) => {
    const pod = find(o, "Deployment", "atelier-worker").spec.template.spec;
    pod.terminationGracePeriodSeconds = 25;
  });
  assert.ok(problems.includes(
    "Deployment/atelier-worker container worker: shutdown wait 20s + 10 s exceeds terminationGracePeriodSeconds 25"),
  problems.join("\n"));
});
