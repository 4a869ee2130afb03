/**
 * The lenient primitives every Istio reader in this folder uses. A cluster holds objects no schema
 * checked (older API versions, hand edits, other controllers), so a reader never throws: a field of the
 * wrong type reads as absent and is reported as a {@link ReadIssue} with its path, for the same
 * `spec.http[1].route[0].weight` paths validations report and the editor maps to YAML lines.
 */
import { formatPath, type PathSegment } from '@/lib/mesh/validations/path';

export type Json = Readonly<Record<string, unknown>>;
export type Path = readonly PathSegment[];

/** A field a reader could not use, with where it is. */
export interface ReadIssue {
  readonly path: string;
  readonly message: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function wrongType(issues: ReadIssue[], path: Path, expected: string, value: unknown): undefined {
  issues.push({ path: formatPath(path), message: `expected ${expected}, got ${describe(value)}` });
  return undefined;
}

/** The object at `path`; absent when missing, reported when it is something else. */
export function readRecord(value: unknown, path: Path, issues: ReadIssue[]): Json | undefined {
  if (value === undefined || isRecord(value)) return value;
  return wrongType(issues, path, 'an object', value);
}

/** The list at `path`, empty when missing or not a list (reported). */
export function readList(value: unknown, path: Path, issues: ReadIssue[]): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (value !== undefined) wrongType(issues, path, 'a list', value);
  return [];
}

export function readString(value: unknown, path: Path, issues: ReadIssue[]): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return wrongType(issues, path, 'a string', value);
}

export function readNumber(value: unknown, path: Path, issues: ReadIssue[]): number | undefined {
  if (value === undefined || typeof value === 'number') return value;
  return wrongType(issues, path, 'a number', value);
}

/** The strings of a list; other entries are left out and reported. */
export function readStrings(value: unknown, path: Path, issues: ReadIssue[]): string[] {
  return readList(value, path, issues).flatMap((v, i) => {
    const s = readString(v, [...path, i], issues);
    return s === undefined ? [] : [s];
  });
}

/** A label map: the entries with string values; others are left out and reported. */
export function readStringMap(
  value: unknown,
  path: Path,
  issues: ReadIssue[],
): Readonly<Record<string, string>> | undefined {
  const map = readRecord(value, path, issues);
  if (map === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) {
    const s = readString(v, [...path, k], issues);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** The objects of a list with their index; other entries are left out and reported. */
export function readRecords(
  value: unknown,
  path: Path,
  issues: ReadIssue[],
): { readonly index: number; readonly path: Path; readonly raw: Json }[] {
  return readList(value, path, issues).flatMap((v, index) => {
    const raw = readRecord(v, [...path, index], issues);
    return raw === undefined ? [] : [{ index, path: [...path, index], raw }];
  });
}

/**
 * `read` run once per stored spec: objects from the informers are never mutated, and the checks of
 * one validation pass read the same DestinationRules and PeerAuthentications once per pod or route.
 */
export function readOnce<T>(read: (spec: unknown) => T): (spec: unknown) => T {
  const cache = new WeakMap<object, T>();
  return (spec) => {
    if (!isRecord(spec)) return read(spec);
    const hit = cache.get(spec);
    if (hit !== undefined) return hit;
    const out = read(spec);
    cache.set(spec, out);
    return out;
  };
}
