/**
 * Extracts the openAPIV3Schema of every served version of the Istio kinds Meshlens edits from
 * Istio's crd-all.gen.yaml into lib/kube/istio-crd-schemas.gen.json, so that the app carries the
 * schemas itself (fixtures/ is not in the container image). Descriptions are dropped: the validator
 * does not need them and they are most of the bytes.
 *
 * Run: npx tsx scripts/gen-crd-schemas.ts [path/to/crd-all.gen.yaml]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = path.resolve(ROOT, process.argv[2] ?? 'fixtures/istio-crds/crd-all.gen.yaml');
const TARGET = path.join(ROOT, 'lib/kube/istio-crd-schemas.gen.json');
const KINDS = [
  'VirtualService',
  'DestinationRule',
  'Gateway',
  'ServiceEntry',
  'PeerAuthentication',
  'AuthorizationPolicy',
  'RequestAuthentication',
  'Sidecar',
  'EnvoyFilter',
  'WorkloadEntry',
  'WorkloadGroup',
  'ProxyConfig',
  'Telemetry',
  'WasmPlugin',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutDescriptions(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) {
    // `properties` maps field names to schemas: a field may itself be called "description".
    if (key === 'description' && typeof child === 'string') continue;
    out[key] = withoutDescriptions(child);
  }
  return out;
}

const out: Record<string, Record<string, Json>> = {};
for (const doc of parseAllDocuments(fs.readFileSync(SOURCE, 'utf8'))) {
  const crd: unknown = doc.toJS();
  if (!isRecord(crd) || crd.kind !== 'CustomResourceDefinition' || !isRecord(crd.spec)) continue;
  const names = crd.spec.names;
  const kind = isRecord(names) ? names.kind : undefined;
  if (typeof kind !== 'string' || !KINDS.includes(kind)) continue;
  const versions = Array.isArray(crd.spec.versions) ? crd.spec.versions : [];
  for (const version of versions) {
    if (!isRecord(version) || version.served !== true || typeof version.name !== 'string') continue;
    const schema = isRecord(version.schema) ? version.schema.openAPIV3Schema : undefined;
    if (!isRecord(schema)) continue;
    out[kind] ??= {};
    out[kind][version.name] = withoutDescriptions(schema as Json);
  }
}

const missing = KINDS.filter((k) => !out[k]);
if (missing.length > 0) throw new Error(`No served schema found for ${missing.join(', ')}`);
fs.writeFileSync(TARGET, `${JSON.stringify(out)}\n`);
console.log(
  `wrote ${path.relative(ROOT, TARGET)}: ${KINDS.map((k) => `${k} (${Object.keys(out[k] ?? {}).join(', ')})`).join('; ')}`,
);
