import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';

/** One Kubernetes object of a manifest, as far as these checks read it. */
export const ManifestObject = z.looseObject({
  apiVersion: z.string(),
  kind: z.string(),
  metadata: z.looseObject({ name: z.string(), namespace: z.string().optional() }),
});
export type ManifestObject = z.infer<typeof ManifestObject>;

/** Every object of a multi-document YAML file; a document that is not an object fails loudly. */
export function readManifest(file: string): ManifestObject[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message ?? ''}`);
      return doc.toJS() as unknown;
    })
    .filter((value) => value !== null)
    .map((value) => ManifestObject.parse(value));
}

const PatchOp = z.object({
  op: z.enum(['add', 'replace']),
  path: z.string().startsWith('/'),
  value: z.unknown(),
});

const Kustomization = z.object({
  resources: z.array(z.string()),
  patches: z
    .array(
      z.object({
        target: z.object({ kind: z.string(), name: z.string() }),
        patch: z.string(),
      }),
    )
    .default([]),
});

/** JSON pointer segments (RFC 6901), unescaped. */
function pointer(p: string): string[] {
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The two JSON 6902 operations deploy/ uses; anything else is refused rather than half-applied. */
function applyOp(target: unknown, op: z.infer<typeof PatchOp>): void {
  const segments = pointer(op.path);
  const last = segments.pop() ?? '';
  let parent: unknown = target;
  for (const s of segments) {
    if (typeof parent !== 'object' || parent === null) throw new Error(`no ${op.path}`);
    parent = (parent as Record<string, unknown>)[s];
  }
  if (Array.isArray(parent)) {
    if (op.op === 'add' && last === '-') parent.push(op.value);
    else parent[Number(last)] = op.value;
  } else if (typeof parent === 'object' && parent !== null) {
    if (op.op === 'replace' && !(last in parent)) throw new Error(`no ${op.path} to replace`);
    (parent as Record<string, unknown>)[last] = op.value;
  } else {
    throw new Error(`no ${op.path}`);
  }
}

/**
 * What `kubectl kustomize dir` renders for deploy/'s kustomizations: the resources, then each patch
 * (a JSON 6902 list of add/replace operations) on the objects its target names.
 */
export function renderKustomization(dir: string): ManifestObject[] {
  const k = Kustomization.parse(
    parseAllDocuments(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'))[0]?.toJS(),
  );
  const objects = k.resources.flatMap((r) => readManifest(path.join(dir, r)));
  for (const { target, patch } of k.patches) {
    const ops = z.array(PatchOp).parse(parseAllDocuments(patch)[0]?.toJS());
    const hits = objects.filter((o) => o.kind === target.kind && o.metadata.name === target.name);
    if (hits.length === 0) throw new Error(`no ${target.kind} ${target.name} to patch`);
    for (const o of hits) for (const op of ops) applyOp(o, op);
  }
  return objects;
}
