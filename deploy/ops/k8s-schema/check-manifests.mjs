// Offline check of the rendered Kubernetes manifests (kubectl kustomize deploy/k8s), run by
// deploy/ops/validate.sh. No cluster is needed. What it checks, honestly:
//
//  1. Schema of the Kubernetes core kinds (Namespace, ConfigMap, Secret, Service, Deployment,
//     HorizontalPodAutoscaler, PodDisruptionBudget, ...) and of the Prometheus Operator kinds (PodMonitor,
//     PrometheusRule) against the OpenAPI / CRD schemas shipped in the npm packages kubernetes-models and
//     @kubernetes-models/prometheus-operator: types, required fields, enums, formats. Those schemas allow
//     unknown fields, so a misspelt optional field is NOT caught by this part.
//  2. Strimzi (Kafka, KafkaNodePool, KafkaTopic) and CloudNativePG (Cluster): no schema package exists on
//     npm, so this script checks by hand the fields the platform relies on (required fields, types, enums
//     from the operators' API references) and rejects fields it does not know in the parts it checks.
//  3. The platform's own invariants: every topic of contracts' Topics.java and its .dlt exists as a
//     KafkaTopic; all of them have the same partition count, equal to STACKPLAN_PARTITIONS; the bootstrap
//     address and database host/secret match the Kafka and Cluster resources; every Deployment has
//     liveness/readiness probes on /actuator/health/liveness|readiness, requests and a memory limit, a
//     Service, an HPA and a PDB that select it; the PodMonitor selects every Deployment with job
//     "stackplan"; the PrometheusRule spec equals the rules file; every dashboard is in a ConfigMap
//     labelled grafana_dashboard: "1".
//
// Usage: node check-manifests.mjs <rendered.yaml> <repo root>
import fs from "node:fs";
import path from "node:path";
import util from "node:util";
import yaml from "js-yaml";

const [renderedFile, repoRoot] = process.argv.slice(2);
if (!renderedFile || !repoRoot) {
  console.error("usage: node check-manifests.mjs <rendered.yaml> <repo root>");
  process.exit(2);
}

const errors = [];
const notes = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);
const id = (doc) => `${doc?.kind ?? "?"}/${doc?.metadata?.name ?? "?"}`;
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isInt = (v) => Number.isInteger(v);

const docs = yaml.loadAll(fs.readFileSync(renderedFile, "utf8")).filter((d) => d !== null);
const byKind = (kind) => docs.filter((d) => d.kind === kind);

// ---------------------------------------------------------------------------------------------------
// 1. Schemas of core and Prometheus Operator kinds
const CORE_GROUPS = new Set(["", "apps", "autoscaling", "policy", "batch", "networking.k8s.io", "rbac.authorization.k8s.io"]);
async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (CORE_GROUPS.has(group)) {
    return (await import(`kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}`))[kind];
  }
  if (group === "monitoring.coreos.com") {
    return (await import(`@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`))[kind];
  }
  return undefined;
}

let schemaChecked = 0;
for (const doc of docs) {
  if (!isObject(doc) || typeof doc.apiVersion !== "string" || typeof doc.kind !== "string") {
    fail("document", `not a Kubernetes object: ${JSON.stringify(doc).slice(0, 80)}`);
    continue;
  }
  if (!doc.metadata?.name) fail(id(doc), "metadata.name is missing");
  const group = doc.apiVersion.includes("/") ? doc.apiVersion.split("/")[0] : "";
  if (group === "kafka.strimzi.io" || group === "postgresql.cnpg.io") continue; // section 2
  let Model;
  try {
    Model = await modelFor(doc.apiVersion, doc.kind);
  } catch (e) {
    Model = undefined;
  }
  if (!Model) {
    fail(id(doc), `no schema known for ${doc.apiVersion} ${doc.kind}: add one to this check`);
    continue;
  }
  // kustomize wraps long base64 values over lines; the API server's decoder skips the newlines, the
  // schema's "byte" format does not
  const candidate = doc.kind === "Secret" && isObject(doc.data)
    ? { ...doc, data: Object.fromEntries(Object.entries(doc.data).map(([k, v]) => [k, String(v).replace(/\s+/g, "")])) }
    : doc;
  try {
    new Model(candidate).validate();
    schemaChecked++;
  } catch (e) {
    const details = (e.errors ?? []).map((x) => `${x.instancePath || "/"} ${x.message}`).join("; ");
    fail(id(doc), `schema: ${details || e.message}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// 2. Strimzi and CloudNativePG, by hand
function onlyKeys(where, obj, allowed) {
  if (!isObject(obj)) return;
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(where, `unknown field '${key}' (known here: ${allowed.join(", ")})`);
  }
}
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)?$/;
function checkResources(where, r) {
  if (r === undefined) return;
  onlyKeys(where, r, ["requests", "limits", "claims"]);
  for (const part of ["requests", "limits"]) {
    for (const [k, v] of Object.entries(r?.[part] ?? {})) {
      if (!QUANTITY.test(String(v))) fail(where, `${part}.${k} is not a quantity: ${v}`);
    }
  }
}

const kafkas = byKind("Kafka");
const pools = byKind("KafkaNodePool");
const topics = byKind("KafkaTopic");
const clusters = byKind("Cluster");
const STRIMZI_V = ["kafka.strimzi.io/v1", "kafka.strimzi.io/v1beta2"];
const LISTENER_TYPES = ["internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"];

for (const k of kafkas) {
  const w = id(k);
  if (!STRIMZI_V.includes(k.apiVersion)) fail(w, `unexpected apiVersion ${k.apiVersion}`);
  onlyKeys(w, k.spec, ["kafka", "entityOperator", "cruiseControl", "kafkaExporter", "clientsCa", "clusterCa", "maintenanceTimeWindows", "jmxTrans", "kafkaAutoRebalance"]);
  if (k.spec?.zookeeper) fail(w, "spec.zookeeper: KRaft only (node pools), no ZooKeeper");
  const kafka = k.spec?.kafka;
  if (!isObject(kafka)) { fail(w, "spec.kafka is required"); continue; }
  onlyKeys(`${w} spec.kafka`, kafka, ["version", "metadataVersion", "listeners", "config", "authorization", "rack", "brokerRackInitImage", "jvmOptions", "jmxOptions", "logging", "metricsConfig", "template", "tieredStorage", "quotas", "resources", "livenessProbe", "readinessProbe", "image"]);
  if (!Array.isArray(kafka.listeners) || kafka.listeners.length === 0) fail(w, "spec.kafka.listeners must be a non-empty array");
  for (const l of kafka.listeners ?? []) {
    onlyKeys(`${w} listener`, l, ["name", "port", "type", "tls", "authentication", "configuration", "networkPolicyPeers"]);
    if (!/^[a-z0-9]{1,11}$/.test(l.name ?? "")) fail(w, `listener name must match [a-z0-9]{1,11}: ${l.name}`);
    if (!isInt(l.port) || l.port < 9092 || [9404, 9999].includes(l.port)) fail(w, `listener port must be an integer >= 9092, not 9404/9999: ${l.port}`);
    if (!LISTENER_TYPES.includes(l.type)) fail(w, `listener type must be one of ${LISTENER_TYPES}: ${l.type}`);
    if (typeof l.tls !== "boolean") fail(w, `listener ${l.name}: tls (boolean) is required`);
  }
  if (kafka.config !== undefined && !isObject(kafka.config)) fail(w, "spec.kafka.config must be an object");
  for (const [key, v] of Object.entries(kafka.config ?? {})) {
    if (isObject(v) || Array.isArray(v)) fail(w, `spec.kafka.config.${key} must be a scalar`);
  }
  if (!isObject(k.spec?.entityOperator?.topicOperator)) fail(w, "spec.entityOperator.topicOperator is required: the KafkaTopics need it");
}
if (kafkas.length !== 1) fail("Kafka", `expected exactly one Kafka cluster, found ${kafkas.length}`);
const kafka = kafkas[0];

let brokers = 0;
const roles = new Set();
for (const p of pools) {
  const w = id(p);
  if (!STRIMZI_V.includes(p.apiVersion)) fail(w, `unexpected apiVersion ${p.apiVersion}`);
  if (p.metadata?.labels?.["strimzi.io/cluster"] !== kafka?.metadata?.name) fail(w, `label strimzi.io/cluster must name the Kafka '${kafka?.metadata?.name}'`);
  onlyKeys(w, p.spec, ["replicas", "roles", "storage", "resources", "jvmOptions", "template"]);
  if (!isInt(p.spec?.replicas) || p.spec.replicas < 1) fail(w, "spec.replicas must be an integer >= 1");
  if (!Array.isArray(p.spec?.roles) || p.spec.roles.length === 0 || p.spec.roles.some((r) => !["controller", "broker"].includes(r))) {
    fail(w, "spec.roles must be a non-empty subset of [controller, broker]");
  }
  for (const r of p.spec?.roles ?? []) roles.add(r);
  if ((p.spec?.roles ?? []).includes("broker")) brokers += p.spec?.replicas ?? 0;
  const s = p.spec?.storage;
  if (!["ephemeral", "persistent-claim", "jbod"].includes(s?.type)) fail(w, "spec.storage.type must be ephemeral, persistent-claim or jbod");
  const volumes = s?.type === "jbod" ? (s.volumes ?? []) : [s];
  if (s?.type === "jbod" && volumes.length === 0) fail(w, "jbod storage needs volumes");
  for (const v of volumes) {
    onlyKeys(`${w} volume`, v, ["id", "type", "size", "class", "deleteClaim", "kraftMetadata", "selector", "overrides", "sizeLimit"]);
    if (s?.type === "jbod" && !isInt(v?.id)) fail(w, "jbod volumes need an integer id");
    if (v?.type === "persistent-claim" && !QUANTITY.test(String(v.size ?? ""))) fail(w, `persistent-claim volume needs a size quantity: ${v?.size}`);
    if (v?.kraftMetadata !== undefined && v.kraftMetadata !== "shared") fail(w, "kraftMetadata may only be 'shared'");
  }
  checkResources(`${w} resources`, p.spec?.resources);
}
if (!roles.has("controller") || !roles.has("broker")) fail("KafkaNodePool", "KRaft needs node pools with both controller and broker roles");

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
for (const t of topics) {
  const w = id(t);
  if (!STRIMZI_V.includes(t.apiVersion)) fail(w, `unexpected apiVersion ${t.apiVersion}`);
  if (t.metadata?.labels?.["strimzi.io/cluster"] !== kafka?.metadata?.name) fail(w, `label strimzi.io/cluster must name the Kafka '${kafka?.metadata?.name}'`);
  onlyKeys(w, t.spec, ["topicName", "partitions", "replicas", "config"]);
  const name = t.spec?.topicName ?? t.metadata?.name;
  if (!TOPIC_NAME.test(name ?? "")) fail(w, `not a valid Kafka topic name: ${name}`);
  if (!isInt(t.spec?.partitions) || t.spec.partitions < 1) fail(w, "spec.partitions must be an integer >= 1");
  if (!isInt(t.spec?.replicas) || t.spec.replicas < 1 || t.spec.replicas > 32767) fail(w, "spec.replicas must be an integer in 1..32767");
  if (t.spec?.replicas > brokers) fail(w, `spec.replicas ${t.spec.replicas} exceeds the ${brokers} brokers of the node pools`);
  const minIsr = Number(t.spec?.config?.["min.insync.replicas"] ?? kafka?.spec?.kafka?.config?.["min.insync.replicas"] ?? 1);
  if (minIsr > t.spec?.replicas) fail(w, `min.insync.replicas ${minIsr} exceeds replicas ${t.spec?.replicas}: no write could succeed`);
  for (const [key, v] of Object.entries(t.spec?.config ?? {})) {
    if (isObject(v) || Array.isArray(v)) fail(w, `spec.config.${key} must be a scalar`);
  }
}

for (const c of clusters) {
  const w = id(c);
  if (c.apiVersion !== "postgresql.cnpg.io/v1") fail(w, `unexpected apiVersion ${c.apiVersion}`);
  if (!isInt(c.spec?.instances) || c.spec.instances < 1) fail(w, "spec.instances must be an integer >= 1");
  if (!QUANTITY.test(String(c.spec?.storage?.size ?? ""))) fail(w, "spec.storage.size must be a quantity");
  onlyKeys(`${w} spec.storage`, c.spec?.storage, ["size", "storageClass", "pvcTemplate", "resizeInUseVolumes"]);
  onlyKeys(`${w} spec.bootstrap`, c.spec?.bootstrap, ["initdb", "recovery", "pg_basebackup"]);
  const initdb = c.spec?.bootstrap?.initdb;
  if (initdb !== undefined) {
    onlyKeys(`${w} initdb`, initdb, ["database", "owner", "secret", "options", "dataChecksums", "encoding", "localeCollate", "localeCType", "locale", "localeProvider", "walSegmentSize", "postInitSQL", "postInitApplicationSQL", "postInitTemplateSQL", "postInitSQLRefs", "postInitApplicationSQLRefs", "postInitTemplateSQLRefs", "import", "icuLocale", "icuRules", "builtinLocale"]);
    if (typeof initdb.database !== "string" || typeof initdb.owner !== "string") fail(w, "bootstrap.initdb needs database and owner");
  }
  for (const [k, v] of Object.entries(c.spec?.postgresql?.parameters ?? {})) {
    if (typeof v !== "string") fail(w, `postgresql.parameters.${k} must be a string (quote it)`);
  }
  checkResources(`${w} resources`, c.spec?.resources);
}
if (clusters.length !== 1) fail("Cluster", `expected exactly one CloudNativePG Cluster, found ${clusters.length}`);
const cluster = clusters[0];

// ---------------------------------------------------------------------------------------------------
// 3. The platform's invariants
const topicsJava = fs.readFileSync(path.join(repoRoot, "contracts/src/main/java/dev/stackplan/contracts/topic/Topics.java"), "utf8");
const contractTopics = [...topicsJava.matchAll(/static\s+final\s+String\s+\w+\s*=\s*"([^"]+)"/g)].map((m) => m[1]);
if (contractTopics.length === 0) fail("Topics.java", "no topic constants found");
const topicByName = new Map(topics.map((t) => [t.spec?.topicName ?? t.metadata?.name, t]));
const config = byKind("ConfigMap").find((c) => c.metadata.name.startsWith("stackplan-config"));
if (!config) fail("ConfigMap/stackplan-config", "missing");
const partitions = Number(config?.data?.STACKPLAN_PARTITIONS);
for (const name of contractTopics.flatMap((t) => [t, `${t}.dlt`])) {
  const t = topicByName.get(name);
  if (!t) { fail("KafkaTopic", `topic '${name}' (from contracts Topics.java) has no KafkaTopic`); continue; }
  if (t.spec?.partitions !== partitions) {
    fail(id(t), `partitions ${t.spec?.partitions} != STACKPLAN_PARTITIONS ${partitions}: co-partitioning needs one count everywhere`);
  }
}
const plain = kafka?.spec?.kafka?.listeners?.find((l) => l.tls === false && l.type === "internal");
const expectedBootstrap = `${kafka?.metadata?.name}-kafka-bootstrap:${plain?.port}`;
if (config?.data?.KAFKA_BOOTSTRAP_SERVERS !== expectedBootstrap) {
  fail("ConfigMap/stackplan-config", `KAFKA_BOOTSTRAP_SERVERS is ${config?.data?.KAFKA_BOOTSTRAP_SERVERS}, expected ${expectedBootstrap}`);
}

const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const configMaps = new Set(byKind("ConfigMap").map((c) => c.metadata.name));
const secrets = new Set(byKind("Secret").map((s) => s.metadata.name));
const CNPG_APP_KEYS = ["username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass", "fqdn-uri", "fqdn-jdbc-uri"];
const cnpgSecret = `${cluster?.metadata?.name}-app`;
const services = byKind("Service");
const hpas = byKind("HorizontalPodAutoscaler");
const pdbs = byKind("PodDisruptionBudget");
const podMonitors = byKind("PodMonitor");
const deployments = byKind("Deployment");
if (deployments.length === 0) fail("Deployment", "none rendered");

for (const d of deployments) {
  const w = id(d);
  const name = d.metadata.name;
  const pod = d.spec?.template;
  const podLabels = pod?.metadata?.labels ?? {};
  if (!matches(d.spec?.selector?.matchLabels, podLabels)) fail(w, "spec.selector does not match the pod template labels");
  for (const c of pod?.spec?.containers ?? []) {
    const cw = `${w} container ${c.name}`;
    if (!new RegExp(`^stackplan/${name}:[A-Za-z0-9_][A-Za-z0-9_.-]*$`).test(c.image ?? "")) fail(cw, `image must be stackplan/${name}:<tag>, is ${c.image}`);
    const portNames = new Set((c.ports ?? []).map((p) => p.name));
    for (const [probe, pathExpected] of [["livenessProbe", "/actuator/health/liveness"], ["readinessProbe", "/actuator/health/readiness"]]) {
      const get = c[probe]?.httpGet;
      if (get?.path !== pathExpected) fail(cw, `${probe} must GET ${pathExpected}`);
      if (typeof get?.port === "string" && !portNames.has(get.port)) fail(cw, `${probe} port '${get.port}' is not a container port`);
    }
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory) fail(cw, "resources.requests.cpu and memory are required");
    if (!c.resources?.limits?.memory) fail(cw, "resources.limits.memory is required");
    for (const ef of c.envFrom ?? []) {
      if (ef.configMapRef && !configMaps.has(ef.configMapRef.name)) fail(cw, `envFrom ConfigMap ${ef.configMapRef.name} is not rendered`);
      if (ef.secretRef && !secrets.has(ef.secretRef.name)) fail(cw, `envFrom Secret ${ef.secretRef.name} is not rendered`);
    }
    const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e]));
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (!ref) continue;
      if (ref.name === cnpgSecret) {
        if (!CNPG_APP_KEYS.includes(ref.key)) fail(cw, `${e.name}: CloudNativePG's ${cnpgSecret} has no key '${ref.key}'`);
      } else if (!secrets.has(ref.name)) {
        fail(cw, `${e.name}: Secret ${ref.name} is neither rendered nor generated by an operator`);
      }
    }
    if (env.STACKPLAN_DB_HOST) {
      if (env.STACKPLAN_DB_HOST.value !== `${cluster?.metadata?.name}-rw`) fail(cw, `STACKPLAN_DB_HOST must be ${cluster?.metadata?.name}-rw (CloudNativePG read-write Service)`);
      if (env.STACKPLAN_DB_NAME?.value !== cluster?.spec?.bootstrap?.initdb?.database) fail(cw, "STACKPLAN_DB_NAME must be the Cluster's initdb database");
      for (const [v, key] of [["STACKPLAN_DB_USER", "username"], ["STACKPLAN_DB_PASSWORD", "password"]]) {
        const ref = env[v]?.valueFrom?.secretKeyRef;
        if (ref?.name !== cnpgSecret || ref?.key !== key) fail(cw, `${v} must come from Secret ${cnpgSecret} key ${key}`);
      }
    }
    if (env.INTAKE_URL) {
      const m = /^http:\/\/([a-z0-9-]+):(\d+)$/.exec(env.INTAKE_URL.value ?? "");
      const svc = services.find((s) => s.metadata.name === m?.[1]);
      if (!svc || !(svc.spec?.ports ?? []).some((p) => p.port === Number(m[2]))) fail(cw, `INTAKE_URL ${env.INTAKE_URL.value} names no rendered Service port`);
    }
  }
  const allPorts = (pod?.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  const svc = services.find((s) => matches(s.spec?.selector, podLabels) && Object.keys(s.spec?.selector ?? {}).length > 0);
  if (!svc) fail(w, "no Service selects its pods");
  for (const p of svc?.spec?.ports ?? []) {
    if (typeof p.targetPort === "string" && !allPorts.some((cp) => cp.name === p.targetPort)) fail(id(svc), `targetPort '${p.targetPort}' is not a container port of ${name}`);
  }
  const hpa = hpas.find((h) => h.spec?.scaleTargetRef?.kind === "Deployment" && h.spec?.scaleTargetRef?.name === name);
  if (!hpa) fail(w, "no HorizontalPodAutoscaler targets it");
  else {
    if (d.spec?.replicas !== undefined) fail(w, "spec.replicas is set although an HPA owns the replica count");
    if (hpa.spec.maxReplicas > partitions) fail(id(hpa), `maxReplicas ${hpa.spec.maxReplicas} > ${partitions} partitions: the extra consumers would idle`);
    if ((hpa.spec.minReplicas ?? 1) < 2) notes.push(`${id(hpa)}: minReplicas < 2, the PDB cannot keep it available during node drains`);
  }
  if (!pdbs.some((p) => matches(p.spec?.selector?.matchLabels, podLabels))) fail(w, "no PodDisruptionBudget selects its pods");
  const pm = podMonitors.find((m) => matches(m.spec?.selector?.matchLabels, podLabels));
  if (!pm) fail(w, "no PodMonitor selects its pods: Prometheus would not scrape it");
  else {
    for (const ep of pm.spec.podMetricsEndpoints ?? []) {
      if (!allPorts.some((cp) => cp.name === ep.port)) fail(w, `PodMonitor port '${ep.port}' is not a container port`);
      if (ep.path !== "/actuator/prometheus") fail(id(pm), "path must be /actuator/prometheus");
    }
    if (podLabels[pm.spec.jobLabel] !== "stackplan") fail(w, `pod label ${pm.spec.jobLabel} must be 'stackplan': the alert rules select job="stackplan"`);
  }
}

// the PrometheusRule is the rules file, value for value
const rulesFile = yaml.load(fs.readFileSync(path.join(repoRoot, "deploy/prometheus/rules/stackplan.rules.yml"), "utf8"));
const promRules = byKind("PrometheusRule");
if (promRules.length !== 1) fail("PrometheusRule", `expected one, found ${promRules.length}`);
else if (!util.isDeepStrictEqual(promRules[0].spec, rulesFile)) {
  fail(id(promRules[0]), "spec differs from deploy/prometheus/rules/stackplan.rules.yml: run deploy/ops/sync-rules.py");
}

// every dashboard file is a ConfigMap for the Grafana sidecar, unchanged
const dashDir = path.join(repoRoot, "deploy/grafana/dashboards");
const dashboardMaps = byKind("ConfigMap").filter((c) => c.metadata?.labels?.grafana_dashboard === "1");
for (const file of fs.readdirSync(dashDir).filter((f) => f.endsWith(".json"))) {
  const cm = dashboardMaps.find((c) => Object.keys(c.data ?? {}).includes(file));
  if (!cm) { fail("dashboards", `${file} is in no ConfigMap labelled grafana_dashboard: "1"`); continue; }
  let parsed;
  try { parsed = JSON.parse(cm.data[file]); } catch (e) { fail(id(cm), `${file} is not valid JSON: ${e.message}`); continue; }
  if (!util.isDeepStrictEqual(parsed, JSON.parse(fs.readFileSync(path.join(dashDir, file), "utf8")))) fail(id(cm), `${file} differs from the file`);
  if (!parsed.uid) fail(id(cm), `${file} has no uid`);
}

for (const n of notes) console.log(`note: ${n}`);
if (errors.length) {
  for (const e of errors) console.error(`FAIL ${e}`);
  console.error(`k8s manifests: ${errors.length} problem(s) in ${docs.length} objects`);
  process.exit(1);
}
console.log(`ok: ${docs.length} objects; ${schemaChecked} validated against Kubernetes/Prometheus Operator schemas; ` +
  `${kafkas.length + pools.length + topics.length + clusters.length} Strimzi/CloudNativePG objects checked by hand; ` +
  `${contractTopics.length} contract topics x2 with ${partitions} partitions; ${deployments.length} services wired`);
