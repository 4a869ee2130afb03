import {
  isAlias,
  isCollection,
  isPair,
  LineCounter,
  parseAllDocuments,
  stringify,
  type Node,
} from 'yaml';
import type { IstioObject } from '../types';
import { isRecord } from './read';
import { isClusterScoped, kindOfManifest } from './kinds';
import type { LocatedValidation } from '../validations/types';
import { yamlPositions, type YamlPositions } from '../validations/yaml-positions';

/** Codes for problems with the text itself, before any schema: no Istio analyzer sees a YAML file. */
export const YAML_SYNTAX_CODE = 'MESHLENS-002';
export const YAML_SHAPE_CODE = 'MESHLENS-003';

/** Code for a text built to exhaust the parser: aliases that expand without end, or absurd nesting. */
export const YAML_LIMIT_CODE = 'MESHLENS-004';

/**
 * Bounds on a text before it becomes objects. An Istio object uses no aliases in practice, so a few
 * hundred is generous, while a "billion laughs" text needs many; depth 64 is far past any CRD's.
 * Document markers are counted on the raw text so that thousands of `---` are refused unparsed.
 */
const MAX_ALIASES = 200;
const MAX_DEPTH = 64;
const MAX_DOCUMENTS = 20;

/** Set by kubectl apply; a copy of the whole object that nobody should edit by hand. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function stringMap(
  value: unknown,
  drop: readonly string[] = [],
): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).filter(
    (e): e is [string, string] => typeof e[1] === 'string' && !drop.includes(e[0]),
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * The part of a stored object a person edits: apiVersion, kind, name, namespace, labels, annotations
 * and spec. Server-owned fields (uid, resourceVersion, managedFields, status…) are left out; the
 * resourceVersion travels beside the text, so an edit cannot drop or forge it by accident.
 */
export function toEditableManifest(raw: unknown): Record<string, unknown> {
  const obj = isRecord(raw) ? raw : {};
  const meta = isRecord(obj.metadata) ? obj.metadata : {};
  const labels = stringMap(meta.labels);
  const annotations = stringMap(meta.annotations, [LAST_APPLIED]);
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      ...(labels && { labels }),
      ...(annotations && { annotations }),
    },
    spec: isRecord(obj.spec) ? obj.spec : {},
  };
}

export function manifestYaml(raw: unknown): string {
  return stringify(toEditableManifest(raw), { lineWidth: 0 });
}

export type ParsedManifest =
  | {
      readonly ok: true;
      readonly manifest: Record<string, unknown>;
      readonly positions: YamlPositions;
    }
  | { readonly ok: false; readonly validations: LocatedValidation[] };

/** Counts aliases and the deepest nesting without expanding anything, with an explicit stack. */
function shapeOf(root: Node | null): { aliases: number; depth: number } {
  let aliases = 0;
  let depth = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    if (isAlias(top.node)) aliases += 1;
    if (!isCollection(top.node)) continue;
    depth = Math.max(depth, top.depth);
    if (depth > MAX_DEPTH) break;
    const next = top.depth + 1;
    for (const item of top.node.items) {
      if (isPair(item))
        stack.push({ node: item.key, depth: next }, { node: item.value, depth: next });
      else stack.push({ node: item, depth: next });
    }
  }
  return { aliases, depth };
}

/** Parses one YAML document holding one object; syntax errors come back with their line. */
export function parseManifest(text: string): ParsedManifest {
  const fail = (message: string, line?: number, code = YAML_SHAPE_CODE): ParsedManifest => ({
    ok: false,
    validations: [{ code, severity: 'error', message, ...(line !== undefined && { line }) }],
  });
  if ((text.match(/^(---|\.\.\.)(\s|$)/gm)?.length ?? 0) > MAX_DOCUMENTS)
    return fail('The text holds more than one YAML document (---); apply one object at a time.');
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  if (!Array.isArray(docs)) return fail('The text holds no YAML document.');
  const nonEmpty = docs.filter((d) => d.contents !== null || d.errors.length > 0);
  const first = nonEmpty[0];
  if (!first) return fail('The text is empty: write one Istio object in YAML.', 1);
  if (nonEmpty.length > 1)
    return fail(
      'The text holds more than one YAML document (---); apply one object at a time.',
      lineCounter.linePos(nonEmpty[1]?.contents?.range?.[0] ?? nonEmpty[1]?.range[0] ?? 0).line,
    );
  const error = first.errors[0];
  if (error)
    return fail(
      `YAML syntax: ${error.message.split('\n')[0] ?? error.code}`,
      lineCounter.linePos(error.pos[0]).line,
      YAML_SYNTAX_CODE,
    );
  const shape = shapeOf(first.contents);
  if (shape.depth > MAX_DEPTH)
    return fail(`The YAML nests deeper than ${MAX_DEPTH} levels.`, 1, YAML_LIMIT_CODE);
  if (shape.aliases > MAX_ALIASES)
    return fail(
      `The YAML uses ${shape.aliases} aliases (*name); at most ${MAX_ALIASES} are read, because aliases that expand into each other (a "billion laughs" text) exhaust the server.`,
      1,
      YAML_LIMIT_CODE,
    );
  let manifest: unknown;
  try {
    manifest = first.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount, or name no anchor.
    const reason = err instanceof Error ? err.message : String(err);
    return fail(
      `The YAML's aliases cannot be expanded (an alias bomb, "billion laughs"?): ${reason}.`,
      1,
      YAML_LIMIT_CODE,
    );
  }
  if (!isRecord(manifest))
    return fail('The document must be a mapping (apiVersion, kind, metadata, spec).', 1);
  return { ok: true, manifest, positions: yamlPositions(first, lineCounter) };
}

/** The domain view of a manifest, for the semantic checks; undefined if kind or name is unusable. */
export function manifestToObject(
  manifest: Record<string, unknown>,
  fallbackNamespace: string,
): IstioObject | undefined {
  const meta = isRecord(manifest.metadata) ? manifest.metadata : {};
  const kind = kindOfManifest(manifest.apiVersion, manifest.kind);
  if (!kind || typeof meta.name !== 'string') return undefined;
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : fallbackNamespace;
  return {
    kind,
    apiVersion: typeof manifest.apiVersion === 'string' ? manifest.apiVersion : '',
    namespace: isClusterScoped(kind) ? '' : namespace,
    name: meta.name,
    resourceVersion: '',
    labels: stringMap(meta.labels) ?? {},
    spec: isRecord(manifest.spec) ? manifest.spec : {},
  };
}
