import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { badRequest, patchNotApplied, unsupportedMediaType } from './status';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

const MEDIA_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

/** Maps a PATCH Content-Type to its patch type; custom resources have no strategic merge patch. */
export function patchTypeOf(contentType: string | undefined, customResource: boolean): PatchType {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const type = MEDIA_TYPES[media];
  if (!type || (type === 'strategic' && customResource)) throw unsupportedMediaType(media);
  return type;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 7386 JSON merge patch: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

function toOperations(patch: unknown): Operation[] {
  if (!Array.isArray(patch)) {
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  }
  return patch.map((op: unknown) => {
    if (!isPlainObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string') {
      throw badRequest('json: cannot unmarshal into Go value of type jsonpatch.Operation');
    }
    if (!OPS.has(op.op)) throw patchNotApplied();
    return op as unknown as Operation;
  });
}

/**
 * Applies a parsed patch body to a (cloned, mutable) object. Strategic merge patch is treated as a
 * JSON merge patch: the simulator stores no patchMergeKey metadata, so lists are replaced, not merged.
 */
export function applyPatch(
  current: Record<string, unknown>,
  patch: unknown,
  type: PatchType,
): unknown {
  if (type === 'json') {
    const operations = toOperations(patch);
    try {
      return jsonpatch.applyPatch(current, operations, true, true).newDocument;
    } catch {
      throw patchNotApplied();
    }
  }
  if (!isPlainObject(patch)) throw badRequest('Invalid JSON Patch');
  return mergePatch(current, patch);
}
