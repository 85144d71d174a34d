// The Grafana dashboard and the alert rules must query metrics the services really export: every atelier_*
// series in them is traced back to a Micrometer meter name in the services' Java sources (atelier.job.latency ->
// atelier_job_latency_seconds_*), so a renamed meter fails here instead of leaving an empty panel or an alert
// that can never fire.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const dashboard = JSON.parse(fs.readFileSync(path.join(root, "deploy/k8s/base/dashboards/atelier.json"), "utf8"));
const alerts = YAML.parse(fs.readFileSync(path.join(root, "deploy/k8s/base/alerts.yaml"), "utf8"));

function javaFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "target" || e.name === "test" ? [] : javaFiles(p);
    return e.name.endsWith(".java") ? [p] : [];
  });
}

const meters = new Set();
for (const service of ["gateway-service", "inference-worker", "trainer-service", "platform"]) {
  for (const file of javaFiles(path.join(root, service, "src/main/java"))) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(/"(atelier[._][a-z0-9._]+)"/g)) {
      meters.add(m[1].replaceAll(".", "_"));
    }
  }
}

test("every panel queries something", () => {
  assert.ok(dashboard.panels.length > 0);
  for (const panel of dashboard.panels) {
    assert.ok(panel.targets?.length > 0 && panel.targets.every((t) => t.expr?.trim()), `panel '${panel.title}' has no query`);
  }
});

test("every atelier_* series in the dashboard comes from a meter in the code", () => {
  const series = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => [...t.expr.matchAll(/\batelier_[a-z0-9_]+/g)].map((m) => m[0]))));
  assert.ok(series.size >= 5, [...series].join(", "));
  assertExported(series);
});

test("every atelier_* series in the alert rules comes from a meter in the code", () => {
  const exprs = alerts.spec.groups.flatMap((g) => g.rules.map((r) => r.expr));
  assert.ok(exprs.length > 0);
  assertExported(new Set(exprs.flatMap((e) => [...e.matchAll(/\batelier_[a-z0-9_]+/g)].map((m) => m[0]))));
});

function assertExported(series) {
  for (const name of series) {
    const base = name.replace(/_(total|seconds_(sum|count|max|bucket))$/, "");
    assert.ok(meters.has(base), `${name}: no meter '${base.replaceAll("_", ".")}' in the services' sources (known: ${[...meters].sort().join(", ")})`);
  }
}
