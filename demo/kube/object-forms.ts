import { groupVersion, type ResourceDef } from './resources';
import type { KubeObject } from './types';

/** How the demo API server stamps, serves and compares stored objects. */

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 3339 without fractional seconds, as metav1.Time marshals. */
export function kubeTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The object as served in the requested version (Istio's versions share one schema, so only apiVersion changes). */
export function present(def: ResourceDef, version: string, obj: KubeObject): KubeObject {
  const apiVersion = groupVersion(def.group, version);
  return obj.apiVersion === apiVersion ? obj : { ...obj, apiVersion };
}

/** JSON with sorted keys, to tell a no-op write (which the real server does not persist) from a change. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function withoutMetaAndStatus(obj: KubeObject): Json {
  const rest: Json = { ...obj };
  delete rest.metadata;
  delete rest.status;
  delete rest.apiVersion;
  delete rest.kind;
  return rest;
}

export const SYSTEM_FIELDS = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'selfLink',
] as const;
