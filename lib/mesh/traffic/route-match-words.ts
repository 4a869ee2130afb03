/**
 * An HTTPRoute's or GRPCRoute's matches in words for the split view's header, so a person reads
 * "path prefix /api and header end-user = jason" instead of the JSON Kubernetes stores.
 * Ref https://gateway-api.sigs.k8s.io/reference/spec/ (HTTPRouteMatch, GRPCRouteMatch).
 */
import { isRecord } from '@/lib/mesh/istio/read';

const PATH_WORDS: Readonly<Record<string, string>> = {
  Exact: 'path',
  PathPrefix: 'path prefix',
  RegularExpression: 'path matching',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** `header end-user = jason`, or `~` for a regular expression (the Gateway API default is Exact). */
function pairWords(what: string, raw: unknown): string[] {
  if (!isRecord(raw)) return [];
  const op = raw.type === 'RegularExpression' ? '~' : '=';
  return [`${what} ${str(raw.name) ?? '?'} ${op} ${str(raw.value) ?? ''}`];
}

/** `path prefix /` when the match sets no path: Gateway API's default. */
function pathWords(raw: unknown): string {
  const path = isRecord(raw) ? raw : {};
  const type = str(path.type) ?? 'PathPrefix';
  return `${PATH_WORDS[type] ?? type} ${str(path.value) ?? '/'}`;
}

function grpcMethodWords(raw: unknown): string[] {
  if (!isRecord(raw)) return [];
  const target = [str(raw.service) ?? '*', str(raw.method) ?? '*'].join('/');
  return [
    raw.type === 'RegularExpression' ? `gRPC method matching ${target}` : `gRPC method ${target}`,
  ];
}

const isCatchAllPath = (raw: unknown): boolean =>
  !isRecord(raw) || ((raw.type ?? 'PathPrefix') === 'PathPrefix' && (raw.value ?? '/') === '/');

/** Whether a match takes every request: nothing but (at most) the default path prefix `/`. */
function matchesAll(m: Record<string, unknown>): boolean {
  return (
    isCatchAllPath(m.path) &&
    list(m.headers).length === 0 &&
    list(m.queryParams).length === 0 &&
    m.method === undefined
  );
}

function oneMatchWords(m: Record<string, unknown>, grpc: boolean): string {
  const parts = [
    ...(grpc ? grpcMethodWords(m.method) : [pathWords(m.path)]),
    ...(!grpc && typeof m.method === 'string' ? [`method ${m.method}`] : []),
    ...list(m.headers).flatMap((h) => pairWords('header', h)),
    ...list(m.queryParams).flatMap((q) => pairWords('query', q)),
  ];
  return parts.join(' and ');
}

/**
 * Each match of a rule in words (a request must satisfy one of them); empty for the catch-all
 * rule: no matches, or one that takes every request.
 */
export function routeMatchWords(
  kind: 'HTTPRoute' | 'GRPCRoute',
  matches: readonly unknown[] | undefined,
): string[] {
  const records = (matches ?? []).filter(isRecord);
  if (records.length === 0 || records.some(matchesAll)) return [];
  return records.map((m) => oneMatchWords(m, kind === 'GRPCRoute'));
}

const STRING_MATCH_OPS: Readonly<Record<string, string>> = {
  exact: '=',
  prefix: 'starts with',
  regex: '~',
};

/** An Istio StringMatch (`{exact|prefix|regex: value}`) as `= value`, `starts with value`, `~ value`. */
function stringMatchWords(raw: unknown): string {
  if (!isRecord(raw)) return '?';
  const op = Object.keys(STRING_MATCH_OPS).find((k) => typeof raw[k] === 'string');
  return op ? `${STRING_MATCH_OPS[op]} ${String(raw[op])}` : '?';
}

const mapWords = (what: string, raw: unknown): string[] =>
  isRecord(raw)
    ? Object.entries(raw).map(([name, m]) => `${what} ${name} ${stringMatchWords(m)}`)
    : [];

/** A VirtualService http route's matches in words, the same way; empty when it has none. */
export function virtualServiceMatchWords(matches: readonly unknown[] | undefined): string[] {
  return (matches ?? [])
    .filter(isRecord)
    .map(
      (m) =>
        [
          ...(m.uri !== undefined ? [`uri ${stringMatchWords(m.uri)}`] : []),
          ...(m.method !== undefined ? [`method ${stringMatchWords(m.method)}`] : []),
          ...mapWords('header', m.headers),
          ...mapWords('query', m.queryParams),
          ...(typeof m.port === 'number' ? [`port ${m.port}`] : []),
        ].join(' and ') || 'any request',
    );
}
