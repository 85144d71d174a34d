// Finds the schema of a rendered object by apiVersion and kind: Kubernetes' own kinds from
// kubernetes-models, KEDA's from @kubernetes-models/keda, the Prometheus operator's (PrometheusRule) from
// @kubernetes-models/prometheus-operator, Strimzi's from the CRDs generated from
// io.strimzi:api (strimzi-crds/). A kind none of them knows is an error, never a pass.
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import YAML from "yaml";
import { withUnknownFields } from "./strict.mjs";

/** Thrown for an object no schema covers. */
export class NoSchemaError extends Error {}

const modelCache = new Map();

async function modelValidator(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const packages = { "keda.sh": "@kubernetes-models/keda", "monitoring.coreos.com": "@kubernetes-models/prometheus-operator" };
  const module = packages[group]
    ? `${packages[group]}/${group}/${version}/${kind}`
    : `kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}`;
  if (!modelCache.has(module)) {
    modelCache.set(module, import(module).then((m) => m[kind]).catch(() => undefined));
  }
  const Model = await modelCache.get(module);
  if (!Model) return undefined;
  // The model's validate() runs the compiled schema on `this`: call it on the object itself.
  return (data) => {
    try {
      Model.prototype.validate.call(data);
      return [];
    } catch (e) {
      return [e.message];
    }
  };
}

/**
 * Ajv validators for the CRDs in `crdDir` (YAML files of CustomResourceDefinitions), with
 * `additionalProperties: false` added to every object schema that lists its properties and does not
 * preserve unknown fields: what the API server's strict field validation (kubectl's default) rejects.
 */
export function loadCrdValidators(crdDir) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = new Map();
  for (const file of fs.readdirSync(crdDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const crd of YAML.parseAllDocuments(fs.readFileSync(path.join(crdDir, file), "utf8")).map((d) => d.toJS())) {
      if (crd?.kind !== "CustomResourceDefinition") continue;
      for (const v of crd.spec.versions.filter((v) => v.served)) {
        const schema = closeObjects(structuredClone(v.schema.openAPIV3Schema));
        validators.set(`${crd.spec.group}/${v.name}|${crd.spec.names.kind}`, ajv.compile(schema));
      }
    }
  }
  if (validators.size === 0) throw new Error(`no CustomResourceDefinitions under ${crdDir}`);
  return validators;
}

function closeObjects(schema) {
  if (schema === null || typeof schema !== "object") return schema;
  if (Array.isArray(schema)) return schema.map(closeObjects);
  for (const [k, v] of Object.entries(schema)) schema[k] = closeObjects(v);
  if (schema.properties && schema.additionalProperties === undefined
      && schema["x-kubernetes-preserve-unknown-fields"] !== true) {
    // metadata is checked by the API server's ObjectMeta, not by the CRD: keep it open there.
    schema.additionalProperties = false;
  }
  return schema;
}

/** Validates one object; resolves to a list of problems (empty when it is valid). */
export async function validateObject(obj, crdValidators) {
  if (!obj || typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
    return ["not a Kubernetes object (apiVersion and kind missing)"];
  }
  const crd = crdValidators.get(`${obj.apiVersion}|${obj.kind}`);
  if (crd) {
    if (crd(obj)) return [];
    return crd.errors.map((e) => e.keyword === "additionalProperties"
      ? `unknown field ${e.instancePath}/${e.params.additionalProperty}`
      : `${e.instancePath || "/"} ${e.message}`);
  }
  const validate = await modelValidator(obj.apiVersion, obj.kind);
  if (!validate) throw new NoSchemaError(`no schema for ${obj.apiVersion} ${obj.kind}`);
  const [errors, unknown] = withUnknownFields(obj, validate);
  return [...errors, ...unknown.map((p) => `unknown field ${p}`)];
}
