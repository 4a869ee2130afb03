/**
 * `npm run analyze`'s analysis, pure: YAML texts to manifests, manifests to findings (schema, the
 * semantic checks, the mesh analyzers) over the mesh the files describe, findings to istioctl's lines.
 */
import { parseAllDocuments } from 'yaml';
import { isIstioKind, wireKind } from '../istio/kinds';
import { isRecord } from '../istio/read';
import { YAML_SYNTAX_CODE } from '../istio/yaml';
import { buildMeshConfig, DEFAULT_NAMESPACE } from '../manifests/build-mesh';
import { manifestKind } from '../manifests/manifest-kind';
import { defaultIngressManifests } from './default-ingress';
import { runMeshAnalyzers, type OnAnalyzerError } from './run-analyzers';
import type { IstioObject } from '../types';
import { SEMANTIC_CHECKS } from '../validations';
import { SCHEMA_CODE, validateSchema, type CrdSchemas } from '../validations/schema';
import {
  SEVERITY_ORDER,
  type ResourceRef,
  type Severity,
  type Validation,
} from '../validations/types';

/** One finding as `--json` prints it. `level` is istioctl's word for the severity. */
export interface OfflineFinding {
  readonly code: string;
  readonly level: 'Error' | 'Warning' | 'Info';
  readonly resource: ResourceRef;
  readonly message: string;
  readonly path?: string;
}

/** One document of a file, where it came from for messages about the file itself. */
export interface SourceDocument {
  readonly manifest: unknown;
  /** `file.yaml:12`: the file and the document's first line. */
  readonly source: string;
}

const LEVELS: Readonly<Record<Severity, OfflineFinding['level']>> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

/** Aliases no config file needs more of; a text built to explode is read no further. */
const MAX_ALIASES = 200;

const fileRef = (source: string): ResourceRef => ({ kind: 'File', namespace: '', name: source });

/**
 * The documents of one YAML text, `List` kinds (kubectl's `kind: List`, `…List`) expanded into their
 * items. A document that does not parse is a finding on the file, and the others are still read.
 */
export function readDocuments(
  text: string,
  file: string,
): { documents: SourceDocument[]; findings: OfflineFinding[] } {
  const documents: SourceDocument[] = [];
  const findings: OfflineFinding[] = [];
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;
  for (const doc of parseAllDocuments(text, { prettyErrors: false })) {
    const source = `${file}:${lineOf(doc.range[0])}`;
    const error = doc.errors[0];
    if (error) {
      findings.push({
        code: YAML_SYNTAX_CODE,
        level: 'Error',
        resource: fileRef(`${file}:${lineOf(error.pos[0])}`),
        message: `YAML syntax: ${error.message.split('\n')[0] ?? error.code}`,
      });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (err) {
      findings.push({
        code: YAML_SYNTAX_CODE,
        level: 'Error',
        resource: fileRef(source),
        message: `The document cannot be read: ${err instanceof Error ? err.message : String(err)}`,
      });
      continue;
    }
    if (value === null || value === undefined) continue;
    const items =
      isRecord(value) &&
      typeof value.kind === 'string' &&
      value.kind.endsWith('List') &&
      Array.isArray(value.items)
        ? value.items
        : [value];
    for (const manifest of items) documents.push({ manifest, source });
  }
  return { documents, findings };
}

/** The resource a manifest is, as istioctl names it: a Namespace has namespace ''. */
function resourceOf(manifest: Record<string, unknown>): ResourceRef {
  const meta = isRecord(manifest.metadata) ? manifest.metadata : {};
  const kind = typeof manifest.kind === 'string' ? manifest.kind : '';
  const name = typeof meta.name === 'string' ? meta.name : '';
  const clusterScoped = kind === 'Namespace' || kind === 'GatewayClass';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : DEFAULT_NAMESPACE;
  return { kind, namespace: clusterScoped ? '' : namespace, name };
}

/**
 * The manifest with a placeholder for a name the API server would refuse (`bogusCredentialName`):
 * istioctl analyze does not check names, and a file's objects are analyzed, not created.
 */
function withCheckedName(manifest: Record<string, unknown>): Record<string, unknown> {
  const meta = isRecord(manifest.metadata) ? manifest.metadata : undefined;
  if (!meta || typeof meta.name !== 'string' || meta.name === '') return manifest;
  return { ...manifest, metadata: { ...meta, name: 'name' } };
}

function fromValidation(resource: ResourceRef, v: Validation): OfflineFinding {
  return {
    code: v.code,
    level: LEVELS[v.severity],
    resource,
    message: v.message,
    ...(v.path && { path: v.path }),
  };
}

const objectRef = (o: IstioObject): ResourceRef => ({
  kind: wireKind(o.kind),
  namespace: o.namespace,
  name: o.name,
});

export interface AnalyzeOptions {
  readonly schemas: CrdSchemas;
  /** A MeshConfig in YAML, as `istioctl analyze --meshConfigFile` reads it. */
  readonly meshConfig?: string;
  /** A check that threw: the run goes on without its findings. */
  readonly onError?: OnAnalyzerError;
}

/**
 * Every finding on the mesh the documents describe, sorted as istioctl sorts them. An Istio object
 * its schema refuses gets IST0106 and no semantic check (noise on top of the real problem), but it
 * stays in the mesh so that others referring to it do not report it missing.
 */
export function analyzeDocuments(
  documents: readonly SourceDocument[],
  options: AnalyzeOptions,
): OfflineFinding[] {
  const findings: OfflineFinding[] = [];
  const refused = new Set<string>();
  const onError: OnAnalyzerError = options.onError ?? (() => undefined);
  for (const { manifest, source } of documents) {
    if (!isRecord(manifest)) {
      findings.push({
        code: SCHEMA_CODE,
        level: 'Error',
        resource: fileRef(source),
        message: 'The document must be an object (a mapping), not a scalar or a list.',
      });
      continue;
    }
    if (manifestKind(manifest)?.type !== 'istio') continue;
    const resource = resourceOf(manifest);
    const schema = validateSchema(withCheckedName(manifest), options.schemas);
    if (schema.length > 0) refused.add(JSON.stringify(resource));
    findings.push(...schema.map((v) => fromValidation(resource, v)));
  }
  // The assumed ingress goes first: an ingress gateway among the files replaces it.
  const assumed = defaultIngressManifests(options.meshConfig);
  const mesh = buildMeshConfig(
    [...assumed, ...documents.map((d) => d.manifest)],
    options.meshConfig === undefined ? {} : { meshConfig: options.meshConfig },
  );
  const assumedRefs = new Set(assumed.map((m) => JSON.stringify(resourceOf(m))));
  for (const obj of mesh.objects) {
    const resource = objectRef(obj);
    if (refused.has(JSON.stringify(resource))) continue;
    for (const check of SEMANTIC_CHECKS) {
      try {
        findings.push(...check(obj, mesh).map((v) => fromValidation(resource, v)));
      } catch (err) {
        onError(`${check.name || 'a check'} on ${friendlyName(resource)}`, err);
      }
    }
  }
  for (const { resource, validation } of runMeshAnalyzers(mesh, onError)) {
    if (assumedRefs.has(JSON.stringify(resource))) continue;
    const named = isIstioKind(resource.kind)
      ? { ...resource, kind: wireKind(resource.kind) }
      : resource;
    findings.push(fromValidation(named, validation));
  }
  return sortFindings(dedupe(findings));
}

function dedupe(findings: readonly OfflineFinding[]): OfflineFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.code, f.resource, f.message, f.path ?? '']);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const ORDER: Readonly<Record<OfflineFinding['level'], number>> = {
  Error: SEVERITY_ORDER.error,
  Warning: SEVERITY_ORDER.warning,
  Info: SEVERITY_ORDER.info,
};

/** istioctl's order: level, then code, then the resource's name, then the message. */
export function sortFindings(findings: readonly OfflineFinding[]): OfflineFinding[] {
  return [...findings].sort(
    (a, b) =>
      ORDER[a.level] - ORDER[b.level] ||
      a.code.localeCompare(b.code) ||
      friendlyName(a.resource).localeCompare(friendlyName(b.resource)) ||
      a.message.localeCompare(b.message),
  );
}

/** `VirtualService default/reviews`, `Namespace bar`: how istioctl names a resource. */
export function friendlyName(r: ResourceRef): string {
  return r.namespace === '' ? `${r.kind} ${r.name}` : `${r.kind} ${r.namespace}/${r.name}`;
}

/** `Error [IST0101] (VirtualService default/reviews) <message>`, as istioctl prints a message. */
export function formatFinding(f: OfflineFinding): string {
  return `${f.level} [${f.code}] (${friendlyName(f.resource)}) ${f.message}`;
}

/** The closing line: how many of each level, or that nothing was found. */
export function summarize(findings: readonly OfflineFinding[], objects: number): string {
  if (findings.length === 0) return `✔ No validation issues found in ${objects} objects.`;
  const count = (level: OfflineFinding['level']): number =>
    findings.filter((f) => f.level === level).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('Error'), 'error')}, ${plural(count('Warning'), 'warning')}, ${count('Info')} info in ${objects} objects.`;
}
