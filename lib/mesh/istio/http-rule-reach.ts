/**
 * Which rules of a VirtualService can ever be chosen, with Istio's own semantics (its admission
 * validation, reported by `istioctl analyze` as IST0130 and IST0131): Envoy takes the first rule whose
 * match fits, so a rule after a rule without matches, or whose matches all repeat earlier ones, never
 * sees a request. Istio reports exactly three shapes and nothing broader, so neither does this module:
 * a rule after a rule with no `match`, a match identical to an earlier one (names aside), and, for HTTP,
 * a URI prefix match whose every other condition an earlier, shorter prefix match already has.
 */
import { isRecord } from './read';
import { readVirtualServiceSpec, type RouteKind, type RouteRule } from './virtual-service';

/** One match clause: `rule` is the index in the route list (`spec.http`, …), `match` in its `match`. */
export interface MatchRef {
  readonly rule: number;
  readonly match: number;
}

export interface IneffectiveMatch {
  /** The index of the match clause in its rule's `match` list. */
  readonly match: number;
  /** The earlier match clause that takes every request this one would. */
  readonly shadowedBy: MatchRef;
  /**
   * `duplicate`: the same conditions; `prefix`: the earlier match's URI prefix is a prefix of this
   * one's and its other conditions are the same (Istio's overlapping-match rule, HTTP only).
   */
  readonly reason: 'duplicate' | 'prefix';
}

export interface UnreachableBecause {
  /** The earlier rule that takes the traffic: the catch-all, or the one the first match duplicates. */
  readonly rule: number;
  /** `catch-all`: an earlier rule has no match, so matches every request; `duplicate`: every match repeats an earlier one. */
  readonly reason: 'catch-all' | 'duplicate';
}

export interface RuleReach {
  readonly index: number;
  /** Present when no request can ever reach the rule. */
  readonly unreachableBecause?: UnreachableBecause;
  /** Matches of a reachable rule that never decide, each with what shadows it. */
  readonly ineffectiveMatches: readonly IneffectiveMatch[];
}

export interface RouteReach {
  /** One entry per entry of the route list, in order; rules that are not objects are left alone. */
  readonly rules: readonly RuleReach[];
}

// Maps among match fields: Go's omitempty drops an empty map, but keeps an empty message such as a
// header's `{}`, which tests the header's presence.
const MAP_FIELDS = new Set(['headers', 'queryParams', 'withoutHeaders', 'sourceLabels']);

/** A value as Istio compares matches: empty values dropped as Go's omitempty does, keys sorted. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = canonical(value[key]);
    if (!isEmpty(v, MAP_FIELDS.has(key))) out[key] = v;
  }
  return out;
}

function isEmpty(v: unknown, isMap: boolean): boolean {
  if (v === undefined || v === null || v === false || v === '' || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isMap && isRecord(v) && Object.keys(v).length === 0;
}

/** The key two matches share when they are the same; an HTTP match's `name` does not route. */
function matchKey(kind: RouteKind, raw: Readonly<Record<string, unknown>>): string {
  const routing = kind === 'http' ? { ...raw, name: undefined } : raw;
  return JSON.stringify(canonical(routing));
}

/** A string condition as Istio's overlap rule sees it: only exact and prefix count, a regex reads as none. */
function exactOrPrefix(value: unknown): string {
  if (!isRecord(value)) return '';
  if (typeof value.exact === 'string' && value.exact !== '') return `exact:${value.exact}`;
  if (typeof value.prefix === 'string' && value.prefix !== '') return `prefix:${value.prefix}`;
  return '';
}

function conditionMap(value: unknown): ReadonlyMap<string, string> {
  return new Map(
    isRecord(value) ? Object.entries(value).map(([k, v]) => [k, exactOrPrefix(v)] as const) : [],
  );
}

interface PrefixMatch {
  readonly ref: MatchRef;
  readonly prefix: string;
  readonly port: unknown;
  readonly method: string;
  readonly authority: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly queryParams: ReadonlyMap<string, string>;
  readonly withoutHeaders: ReadonlyMap<string, string>;
}

function prefixMatchOf(
  raw: Readonly<Record<string, unknown>>,
  ref: MatchRef,
): PrefixMatch | undefined {
  const uri = raw.uri;
  const prefix = isRecord(uri) && typeof uri.prefix === 'string' ? uri.prefix : '';
  if (prefix === '') return undefined;
  return {
    ref,
    prefix,
    port: raw.port ?? 0,
    // Istio takes a match without a method as a GET when it compares prefixes.
    method: exactOrPrefix(raw.method) || 'exact:GET',
    authority: exactOrPrefix(raw.authority),
    headers: conditionMap(raw.headers),
    queryParams: conditionMap(raw.queryParams),
    withoutHeaders: conditionMap(raw.withoutHeaders),
  };
}

// Istio accepts a differing value when the earlier one starts with the later one, as written here.
const sameOrStartsWith = (earlier: string, later: string): boolean =>
  earlier === later || earlier.startsWith(later);

function sameConditions(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined || !sameOrStartsWith(value, other)) return false;
  }
  return true;
}

function covers(earlier: PrefixMatch, later: PrefixMatch): boolean {
  return (
    later.prefix !== earlier.prefix &&
    later.prefix.startsWith(earlier.prefix) &&
    later.port === earlier.port &&
    sameOrStartsWith(earlier.method, later.method) &&
    sameOrStartsWith(earlier.authority, later.authority) &&
    sameConditions(earlier.headers, later.headers) &&
    sameConditions(earlier.queryParams, later.queryParams) &&
    sameConditions(earlier.withoutHeaders, later.withoutHeaders)
  );
}

interface Draft {
  unreachableBecause?: UnreachableBecause;
  readonly ineffectiveMatches: IneffectiveMatch[];
}

function reachOf(kind: RouteKind, rules: readonly RouteRule[]): RouteReach {
  const drafts: Draft[] = rules.map(() => ({ ineffectiveMatches: [] }));
  const seen = new Map<string, MatchRef>();
  const prefixMatches: PrefixMatch[] = [];
  let catchAll: number | undefined;
  for (const rule of rules) {
    const draft = drafts[rule.index];
    if (rule.raw === undefined || draft === undefined) continue;
    if (catchAll !== undefined) {
      draft.unreachableBecause = { rule: catchAll, reason: 'catch-all' };
      continue;
    }
    if ((rule.match ?? []).length === 0) {
      catchAll = rule.index;
      continue;
    }
    for (const { index, raw } of rule.matches) {
      const key = matchKey(kind, raw);
      const earlier = seen.get(key);
      if (earlier) {
        draft.ineffectiveMatches.push({ match: index, shadowedBy: earlier, reason: 'duplicate' });
        continue;
      }
      const ref = { rule: rule.index, match: index };
      seen.set(key, ref);
      const prefixMatch = kind === 'http' ? prefixMatchOf(raw, ref) : undefined;
      if (prefixMatch) prefixMatches.push(prefixMatch);
    }
    const first = draft.ineffectiveMatches[0];
    if (first && draft.ineffectiveMatches.length === rule.match?.length)
      draft.unreachableBecause = { rule: first.shadowedBy.rule, reason: 'duplicate' };
  }
  prefixMatches.forEach((earlier, i) => {
    for (const later of prefixMatches.slice(i + 1))
      if (covers(earlier, later))
        drafts[later.ref.rule]?.ineffectiveMatches.push({
          match: later.ref.match,
          shadowedBy: earlier.ref,
          reason: 'prefix',
        });
  });
  return {
    rules: drafts.map((d, index) => ({
      index,
      ...(d.unreachableBecause && { unreachableBecause: d.unreachableBecause }),
      ineffectiveMatches: d.ineffectiveMatches,
    })),
  };
}

/**
 * The reach of every rule of one route list of a VirtualService spec (`http` unless told), so a view
 * can say "rule 3 never matches: rule 1 matches every request" and the analyzer can report it.
 */
export function ruleReach(spec: unknown, kind: RouteKind = 'http'): RouteReach {
  return reachOf(kind, readVirtualServiceSpec(spec)[kind]);
}
