// Atelier's rules for what may be deployed, checked on the rendered objects. Each rule returns
// "<kind>/<name>: <problem>" strings; an empty list means the set passes.

const PROBES_EXEMPT = "atelier.dev/probes-exempt";

/** The pod templates of workload objects, with where they come from. */
export function podTemplates(objects) {
  const out = [];
  for (const o of objects) {
    const id = `${o.kind}/${o.metadata?.name}`;
    const spec = o.spec ?? {};
    switch (o.kind) {
      case "Deployment": case "StatefulSet": case "DaemonSet": case "ReplicaSet": case "Job":
        out.push({ id, kind: o.kind, template: spec.template });
        break;
      case "CronJob":
        out.push({ id, kind: "Job", template: spec.jobTemplate?.spec?.template });
        break;
      case "ScaledJob":
        out.push({ id, kind: "Job", template: spec.jobTargetRef?.template });
        break;
      case "Pod":
        out.push({ id, kind: "Pod", template: { metadata: o.metadata, spec } });
        break;
      default:
    }
  }
  return out;
}

/** Every container: requests and limits, probes, non-root, read-only root, no escalation, no capabilities, a pinned image. */
export function containerPolicy(objects) {
  const problems = [];
  for (const { id, kind, template } of podTemplates(objects)) {
    const pod = template?.spec;
    if (!pod) {
      problems.push(`${id}: no pod template`);
      continue;
    }
    const exemptReason = template.metadata?.annotations?.[PROBES_EXEMPT];
    if (exemptReason !== undefined && kind !== "Job") {
      problems.push(`${id}: ${PROBES_EXEMPT} is allowed on one-shot Jobs only`);
    }
    const podSc = pod.securityContext ?? {};
    const all = [...(pod.initContainers ?? []).map((c) => [c, true]), ...(pod.containers ?? []).map((c) => [c, false])];
    if ((pod.containers ?? []).length === 0) problems.push(`${id}: no containers`);
    for (const [c, init] of all) {
      const where = `${id} container ${c.name}`;
      for (const kindOf of ["requests", "limits"]) {
        for (const res of ["cpu", "memory"]) {
          if (c.resources?.[kindOf]?.[res] === undefined) problems.push(`${where}: no ${res} ${kindOf}`);
        }
      }
      if (!init && !(exemptReason && kind === "Job")) {
        for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
          if (!c[probe]) problems.push(`${where}: no ${probe}`);
        }
      }
      const sc = c.securityContext ?? {};
      const runAsNonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
      const runAsUser = sc.runAsUser ?? podSc.runAsUser;
      if (runAsNonRoot !== true) problems.push(`${where}: runAsNonRoot is not true`);
      if (runAsUser === 0) problems.push(`${where}: runs as uid 0`);
      if (sc.readOnlyRootFilesystem !== true) problems.push(`${where}: root file system is writable`);
      if (sc.allowPrivilegeEscalation !== false) problems.push(`${where}: privilege escalation not disabled`);
      if (sc.privileged === true) problems.push(`${where}: privileged`);
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) problems.push(`${where}: capabilities not dropped (drop: [ALL])`);
      if (!/(:[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64})$/.test(c.image ?? "") || /:latest$/.test(c.image ?? "")) {
        problems.push(`${where}: image '${c.image}' has no pinned tag or digest`);
      }
    }
  }
  return problems;
}

/** ConfigMaps a pod reads must be in the set (Secrets are the operator's, created outside it). */
export function references(objects) {
  const problems = [];
  const have = new Set(objects.filter((o) => o.kind === "ConfigMap").map((o) => o.metadata.name));
  for (const { id, template } of podTemplates(objects)) {
    const pod = template?.spec ?? {};
    const refs = [];
    for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      for (const e of c.envFrom ?? []) if (e.configMapRef) refs.push(e.configMapRef);
      for (const e of c.env ?? []) if (e.valueFrom?.configMapKeyRef) refs.push(e.valueFrom.configMapKeyRef);
    }
    for (const v of pod.volumes ?? []) if (v.configMap) refs.push(v.configMap);
    for (const r of refs) {
      if (!r.optional && !have.has(r.name)) problems.push(`${id}: ConfigMap ${r.name} is not in the rendered set`);
    }
  }
  const workloads = new Set(objects.map((o) => `${o.kind}/${o.metadata?.name}`));
  for (const o of objects.filter((x) => ["ScaledObject", "HorizontalPodAutoscaler"].includes(x.kind))) {
    const t = o.spec?.scaleTargetRef;
    if (!workloads.has(`${t?.kind ?? "Deployment"}/${t?.name}`)) {
      problems.push(`${o.kind}/${o.metadata.name}: scale target ${t?.kind}/${t?.name} is not in the rendered set`);
    }
  }
  const templates = podTemplates(objects).map((p) => p.template?.metadata?.labels ?? {});
  for (const o of objects.filter((x) => x.kind === "PodDisruptionBudget" || x.kind === "Service")) {
    const sel = o.kind === "Service" ? o.spec?.selector : o.spec?.selector?.matchLabels;
    if (!sel) continue;
    if (!templates.some((l) => Object.entries(sel).every(([k, v]) => l[k] === v))) {
      problems.push(`${o.kind}/${o.metadata.name}: selector ${JSON.stringify(sel)} matches no pod template`);
    }
  }
  return problems;
}

/** Atelier's topics, when the set manages them, and Kafka-lag scalers that their partitions can feed. */
export function kafkaPolicy(objects) {
  const problems = [];
  const topics = new Map(objects.filter((o) => o.kind === "KafkaTopic")
    .map((o) => [o.spec?.topicName ?? o.metadata.name, o]));
  if (topics.size > 0) {
    for (const name of ["atelier.stylize.requests", "atelier.stylize.events", "atelier.stylize.requests.dlq",
      "atelier.training.requests", "atelier.training.events", "atelier.models"]) {
      if (!topics.has(name)) problems.push(`KafkaTopic ${name} is missing`);
    }
    const models = topics.get("atelier.models");
    if (models && (models.spec?.partitions !== 1 || models.spec?.config?.["cleanup.policy"] !== "compact")) {
      problems.push("KafkaTopic/atelier.models: must be compacted with 1 partition");
    }
  }
  for (const o of objects.filter((x) => x.kind === "ScaledObject" || x.kind === "ScaledJob")) {
    for (const t of (o.spec?.triggers ?? []).filter((tr) => tr.type === "kafka")) {
      const topic = topics.get(t.metadata?.topic);
      const max = o.spec?.maxReplicaCount;
      if (topic && max > topic.spec?.partitions) {
        problems.push(`${o.kind}/${o.metadata.name}: maxReplicaCount ${max} exceeds the ${topic.spec.partitions} partitions of ${t.metadata.topic}`);
      }
    }
  }
  for (const o of objects.filter((x) => x.kind === "KafkaNodePool")) {
    for (const kindOf of ["requests", "limits"]) {
      for (const res of ["cpu", "memory"]) {
        if (o.spec?.resources?.[kindOf]?.[res] === undefined) problems.push(`KafkaNodePool/${o.metadata.name}: no ${res} ${kindOf}`);
      }
    }
  }
  return problems;
}

/** Seconds in a Quarkus duration ("45s", "2m", "500ms", "30", "PT45S"); NaN when unreadable. */
export function seconds(text) {
  const simple = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/i.exec(String(text).trim());
  if (simple) {
    const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[(simple[2] ?? "s").toLowerCase()];
    return Number(simple[1]) * unit;
  }
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(String(text).trim());
  return iso ? (Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0)) : NaN;
}

/**
 * A worker's shutdown wait (ATELIER_WORKER_SHUTDOWN_WAIT) must end, with Kafka's close after it, before
 * Kubernetes kills the pod (terminationGracePeriodSeconds, 30 s when unset).
 */
export function shutdownPolicy(objects) {
  const problems = [];
  const kafkaClose = 10;
  for (const { id, template } of podTemplates(objects)) {
    const grace = template?.spec?.terminationGracePeriodSeconds ?? 30;
    for (const c of template?.spec?.containers ?? []) {
      const wait = (c.env ?? []).find((e) => e.name === "ATELIER_WORKER_SHUTDOWN_WAIT");
      if (!wait) continue;
      const s = seconds(wait.value);
      if (Number.isNaN(s)) problems.push(`${id} container ${c.name}: ATELIER_WORKER_SHUTDOWN_WAIT '${wait.value}' is no duration`);
      else if (s + kafkaClose > grace) {
        problems.push(`${id} container ${c.name}: shutdown wait ${wait.value} + ${kafkaClose} s exceeds terminationGracePeriodSeconds ${grace}`);
      }
    }
  }
  return problems;
}

export function policy(objects) {
  return [...containerPolicy(objects), ...references(objects), ...kafkaPolicy(objects), ...shutdownPolicy(objects)];
}
