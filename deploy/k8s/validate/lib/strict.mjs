// Unknown-field detection for validators that ignore unknown fields. The schemas of kubernetes-models and
// @kubernetes-models/keda are compiled ajv code without `additionalProperties: false`: a typo such as
// `replicaz` passes them. A compiled validator reads every property its schema declares (`data.replicas`)
// and enumerates the keys of maps (labels, resources, trigger metadata). So the validator runs on a
// proxy of the object that records both; a key it neither read nor reached by enumeration is a field the
// schema does not know. Objects the validator never looked into (free-form fields) are not judged.

/** Runs `validate(proxy)` and returns [validatorResult, unknownFieldPaths]. */
export function withUnknownFields(data, validate) {
  const records = new Map(); // target object -> { read: Set, enumerated: boolean }
  const proxies = new WeakMap();
  const record = (target) => {
    let r = records.get(target);
    if (!r) {
      r = { read: new Set(), enumerated: false };
      records.set(target, r);
    }
    return r;
  };
  const wrap = (value) => {
    if (value === null || typeof value !== "object") return value;
    let proxy = proxies.get(value);
    if (!proxy) {
      proxy = new Proxy(value, {
        get(target, key, receiver) {
          if (typeof key === "string") record(target).read.add(key);
          return wrap(Reflect.get(target, key, receiver));
        },
        has(target, key) {
          if (typeof key === "string") record(target).read.add(key);
          return Reflect.has(target, key);
        },
        ownKeys(target) {
          record(target).enumerated = true;
          return Reflect.ownKeys(target);
        },
      });
      proxies.set(value, proxy);
    }
    return proxy;
  };
  const result = validate(wrap(data));
  const unknown = [];
  const walk = (value, path) => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}/${i}`));
      return;
    }
    const r = records.get(value);
    for (const key of Object.keys(value)) {
      if (r && !r.enumerated && !r.read.has(key)) {
        unknown.push(`${path}/${key}`);
      } else {
        walk(value[key], `${path}/${key}`);
      }
    }
  };
  walk(data, "");
  return [result, unknown];
}
