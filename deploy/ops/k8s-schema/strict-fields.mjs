// Unknown-field and type check of the rendered Kubernetes manifests, run by deploy/ops/validate.sh.
// The OpenAPI schemas behind check-manifests.mjs accept any unknown field, so a misspelt optional field
// (livnessProbe, maxUnavailible) would pass there. Here every core and Prometheus Operator object is
// written out as a TypeScript object literal typed with the kubernetes-models interfaces (generated from
// the same Kubernetes OpenAPI and Prometheus Operator CRDs) and compiled with tsc --strict: TypeScript's
// excess-property check rejects any field the type does not declare. Strimzi and CloudNativePG objects
// are checked by check-manifests.mjs instead (no typed models for them on npm).
//
// Usage: node strict-fields.mjs <rendered.yaml>
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const docs = yaml.loadAll(fs.readFileSync(process.argv[2], "utf8")).filter(Boolean);
const lines = [];
const owners = []; // [first line, object id]
let typed = 0;
docs.forEach((d, i) => {
  const [group, version] = d.apiVersion.includes("/") ? d.apiVersion.split("/") : ["", d.apiVersion];
  let module;
  if (group === "monitoring.coreos.com") module = `@kubernetes-models/prometheus-operator/${group}/${version}/${d.kind}`;
  else if (!group.includes(".") || group.endsWith(".k8s.io")) module = `kubernetes-models/${group ? `${group}/` : ""}${version}/${d.kind}`;
  else return;
  owners.push([lines.length + 1, `${d.kind}/${d.metadata?.name}`]);
  lines.push(`import type { I${d.kind} as T${i} } from "${module}";`);
  lines.push(...`export const o${i}: T${i} = ${JSON.stringify(d, null, 1)};`.split("\n"));
  typed++;
});
// the generated file must sit beside node_modules for the type imports to resolve
const file = path.join(fs.mkdtempSync(path.join(here, ".strict-")), "manifests.ts");
fs.writeFileSync(file, lines.join("\n") + "\n");
const tsc = path.join(here, "node_modules", "typescript", "bin", "tsc");
let output = "";
let failed = false;
try {
  execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--skipLibCheck", "--target", "es2022",
    "--module", "nodenext", "--moduleResolution", "nodenext", file], { encoding: "utf8", stdio: "pipe" });
} catch (e) {
  failed = true;
  output = `${e.stdout ?? ""}${e.stderr ?? ""}`;
} finally {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
if (failed) {
  const problems = [];
  for (const line of output.split("\n")) {
    const m = /manifests\.ts\((\d+),\d+\): error TS\d+: (.*)/.exec(line);
    if (!m) continue;
    const at = Number(m[1]);
    const owner = owners.filter(([start]) => start <= at).pop()?.[1] ?? "?";
    problems.push(`FAIL ${owner}: ${m[2]}`);
  }
  if (problems.length === 0) problems.push(output.trim() || "tsc failed without output");
  for (const p of problems) console.error(p);
  console.error(`k8s manifests: unknown-field/type check found ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`ok: ${typed} objects have only fields their Kubernetes/Prometheus Operator types declare`);
