// Validates KEDA objects (a JSON array in the file argv[2]) against the
// schemas of @kubernetes-models/keda, generated from KEDA's API types. Run
// by .ci/validate-deploy.sh; `--selftest` checks that invalid objects fail.
// Prints one line per object; exits 1 when any is invalid.
import { readFileSync } from "node:fs";
import { ScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";
import { TriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication";

const models = { ScaledObject, TriggerAuthentication };

function check(obj) {
  const Model = models[obj.kind];
  if (!Model || obj.apiVersion !== "keda.sh/v1alpha1") {
    return `no schema for ${obj.apiVersion} ${obj.kind}`;
  }
  try {
    new Model(obj).validate();
  } catch (e) {
    return e.message;
  }
  if (obj.kind === "ScaledObject") {
    for (const t of obj.spec.triggers ?? []) {
      if (t.type === "rabbitmq") {
        const m = t.metadata ?? {};
        // The scaler's own parameters, which the CRD leaves free-form.
        if (!m.queueName) return "rabbitmq trigger: metadata.queueName missing";
        if (!["QueueLength", "MessageRate"].includes(m.mode)) {
          return `rabbitmq trigger: metadata.mode must be QueueLength or MessageRate, found ${m.mode}`;
        }
        if (!/^\d+(\.\d+)?$/.test(m.value ?? "")) {
          return `rabbitmq trigger: metadata.value must be a number in a string, found ${m.value}`;
        }
        if (!m.host && !m.hostFromEnv && !t.authenticationRef) {
          return "rabbitmq trigger: no host, hostFromEnv or authenticationRef";
        }
      }
    }
  }
  return null;
}

const label = process.argv[3] ?? "";
if (process.argv[2] === "--selftest") {
  const bad = [
    { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", metadata: { name: "a" },
      spec: { scaleTargetRef: {}, triggers: [] } },
    { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", metadata: { name: "b" },
      spec: { scaleTargetRef: { name: "x" }, minReplicaCount: "one", triggers: [] } },
    { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", metadata: { name: "c" },
      spec: { scaleTargetRef: { name: "x" }, triggers: [{ type: "rabbitmq", metadata: { queueName: "q", mode: "Length", value: "5" } }] } },
  ];
  const passed = bad.filter((o) => check(o) === null).map((o) => o.metadata.name);
  if (passed.length) {
    console.log(`ERROR keda selftest: invalid objects accepted: ${passed.join(", ")}`);
    process.exit(1);
  }
  console.log("  keda selftest: invalid objects are rejected");
  process.exit(0);
}

const objs = JSON.parse(readFileSync(process.argv[2], "utf8"));
let failed = 0;
for (const o of objs) {
  const problem = check(o);
  const name = `${label}: ${o.kind} ${o.metadata?.name}`;
  if (problem) {
    failed++;
    console.log(`ERROR ${name}: ${problem}`);
  } else {
    console.log(`  ${name}: valid (KEDA schema)`);
  }
}
process.exit(failed ? 1 : 0);
