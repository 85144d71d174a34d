#!/usr/bin/env node
// Validates rendered Kubernetes YAML (kubectl kustomize output) strictly: every object against its schema
// with unknown fields rejected, then Atelier's policy (lib/policy.mjs). Exit 0 only when all pass.
//   node validate.mjs --crds strimzi-crds/target/crds rendered/dev.yaml rendered/gpu.yaml
import fs from "node:fs";
import YAML from "yaml";
import { loadCrdValidators, validateObject } from "./lib/schemas.mjs";
import { policy } from "./lib/policy.mjs";

export async function validateText(text, crdValidators) {
  const problems = [];
  const objects = [];
  for (const doc of YAML.parseAllDocuments(text)) {
    if (doc.errors.length) {
      problems.push(...doc.errors.map((e) => `YAML: ${e.message}`));
      continue;
    }
    const obj = doc.toJS();
    if (obj === null) continue;
    objects.push(obj);
    const id = `${obj.kind}/${obj.metadata?.name}`;
    try {
      problems.push(...(await validateObject(obj, crdValidators)).map((p) => `${id}: ${p}`));
    } catch (e) {
      problems.push(`${id}: ${e.message}`);
    }
  }
  problems.push(...policy(objects));
  return { objects, problems };
}

async function main(argv) {
  const i = argv.indexOf("--crds");
  if (i < 0 || !argv[i + 1]) {
    console.error("usage: validate.mjs --crds DIR FILE.yaml...");
    return 2;
  }
  const crds = loadCrdValidators(argv[i + 1]);
  const files = argv.filter((_, j) => j !== i && j !== i + 1);
  if (files.length === 0) {
    console.error("validate.mjs: no files given");
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const { objects, problems } = await validateText(fs.readFileSync(file, "utf8"), crds);
    const kinds = [...new Set(objects.map((o) => o.kind))].sort().join(", ");
    if (objects.length === 0) problems.push("no objects");
    if (problems.length) {
      failed++;
      console.log(`FAIL ${file}: ${objects.length} objects`);
      for (const p of problems) console.log(`  - ${p}`);
    } else {
      console.log(`ok   ${file}: ${objects.length} objects valid (${kinds}); policy passed`);
    }
  }
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
