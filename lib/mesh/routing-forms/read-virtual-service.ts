import { isRecord, type Json } from '@/lib/mesh/istio/read';
import { readVirtualServiceSpec } from '@/lib/mesh/istio/virtual-service';
import { resolveHost } from '@/lib/mesh/validations/hosts';
import type {
  FaultInput,
  HeaderMatchType,
  HeaderRouteInput,
  RetriesInput,
  VirtualServiceInput,
} from './types';

/** What the form can show of a live VirtualService, and what it cannot (which a write would drop). */
export interface VirtualServiceReading {
  readonly input: Pick<
    VirtualServiceInput,
    'headerRoutes' | 'defaultSubset' | 'timeout' | 'retries' | 'fault' | 'host'
  >;
  /** One sentence per http rule part the form cannot hold; empty when the form shows it all. */
  readonly unsupported: readonly string[];
}

const MATCH_TYPES: readonly HeaderMatchType[] = ['exact', 'prefix', 'regex'];
/** Rule fields the form writes; anything else on a rule (rewrite, mirror, cors, headers…) it cannot hold. */
const FORM_RULE_KEYS = new Set(['match', 'route', 'timeout', 'retries', 'fault']);

function percentOf(v: Json): number | undefined {
  const p = isRecord(v.percentage) ? v.percentage.value : v.percent;
  return typeof p === 'number' ? p : undefined;
}

function readRetries(v: unknown): RetriesInput | undefined {
  if (!isRecord(v) || typeof v.attempts !== 'number') return undefined;
  return {
    attempts: v.attempts,
    ...(typeof v.perTryTimeout === 'string' && { perTryTimeout: v.perTryTimeout }),
    ...(typeof v.retryOn === 'string' && {
      retryOn: v.retryOn
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    }),
  };
}

function readFault(v: unknown): FaultInput | undefined {
  if (!isRecord(v)) return undefined;
  const abort = isRecord(v.abort) ? v.abort : undefined;
  const delay = isRecord(v.delay) ? v.delay : undefined;
  const abortPercent = abort && percentOf(abort);
  const delayPercent = delay && percentOf(delay);
  return {
    ...(abort &&
      typeof abort.httpStatus === 'number' && {
        abort: { percent: abortPercent ?? 100, httpStatus: abort.httpStatus },
      }),
    ...(delay &&
      typeof delay.fixedDelay === 'string' && {
        delay: { percent: delayPercent ?? 100, fixedDelay: delay.fixedDelay },
      }),
  };
}

/** The one header condition of a form-shaped match, if that is all the match holds. */
function readHeaderMatch(list: readonly Json[]): Omit<HeaderRouteInput, 'subset'> | undefined {
  const only = list[0];
  if (list.length !== 1 || !only || Object.keys(only).join() !== 'headers') return undefined;
  const headers = isRecord(only.headers) ? Object.entries(only.headers) : [];
  const [entry] = headers;
  if (headers.length !== 1 || !entry || !isRecord(entry[1])) return undefined;
  const [header, condition] = entry;
  const kinds = Object.entries(condition);
  const [kind] = kinds;
  if (kinds.length !== 1 || !kind || typeof kind[1] !== 'string') return undefined;
  const type = MATCH_TYPES.find((t) => t === kind[0]);
  return type && { header, match: type, value: kind[1] };
}

const ruleName = (rule: Json, i: number): string =>
  `rule ${i + 1}${typeof rule.name === 'string' ? ` (${rule.name})` : ''}`;

/**
 * Reads a live VirtualService back into the routing form: header rules, then one catch-all rule, one
 * destination each, all towards the service, with the same timeout, retries and fault on every rule
 * (the shape buildVirtualService writes, and the shape most hand-written ones have). Whatever the
 * form cannot hold is listed, so the page can say what applying the form would replace.
 */
export function readVirtualService(
  spec: unknown,
  service: string,
  namespace: string,
): VirtualServiceReading {
  const fqdn = resolveHost(service, namespace);
  const rules = readVirtualServiceSpec(spec).http.flatMap((r) =>
    r.raw === undefined ? [] : [{ ...r, raw: r.raw }],
  );
  const unsupported: string[] = [];
  const headerRoutes: HeaderRouteInput[] = [];
  let defaultSubset: string | undefined;
  let host: string | undefined;
  rules.forEach(({ raw: rule, route, matches }, i) => {
    const name = ruleName(rule, i);
    const extra = Object.keys(rule).filter((k) => k !== 'name' && !FORM_RULE_KEYS.has(k));
    if (extra.length > 0) unsupported.push(`${name} also sets ${extra.join(', ')}`);
    const routes = route.filter((e) => e.raw !== undefined);
    const destination = routes.length === 1 ? routes[0]?.destination : undefined;
    if (destination === undefined) {
      unsupported.push(
        `${name} splits traffic across ${routes.length} destinations (use the traffic split sliders)`,
      );
      return;
    }
    if (destination.host === undefined || resolveHost(destination.host, namespace) !== fqdn) {
      unsupported.push(`${name} sends traffic to another host (${String(destination.raw.host)})`);
      return;
    }
    if (destination.raw.port !== undefined) unsupported.push(`${name} names a destination port`);
    host ??= destination.host;
    const { subset } = destination;
    const isLast = i === rules.length - 1;
    if (rule.match === undefined && isLast) {
      defaultSubset = subset;
      return;
    }
    const header = readHeaderMatch(matches.map((m) => m.raw));
    if (!header) {
      unsupported.push(`${name} matches on more than one header value (the form holds one)`);
      return;
    }
    if (!subset) {
      unsupported.push(`${name} sends its matches to no subset`);
      return;
    }
    headerRoutes.push({ ...header, subset });
  });
  const last = rules.at(-1)?.raw;
  if (rules.length > 0 && last?.match !== undefined)
    unsupported.push('no catch-all rule: requests that match no rule get a 404');
  const settings = rules.map(({ raw: r }) => JSON.stringify([r.timeout, r.retries, r.fault]));
  if (new Set(settings).size > 1)
    unsupported.push('rules differ in timeout, retries or fault; the form sets one for all');
  const common = last ?? {};
  const retries = readRetries(common.retries);
  const fault = readFault(common.fault);
  return {
    input: {
      headerRoutes,
      ...(defaultSubset && { defaultSubset }),
      ...(typeof common.timeout === 'string' && { timeout: common.timeout }),
      ...(retries && { retries }),
      ...(fault && { fault }),
      ...(host && { host }),
    },
    unsupported,
  };
}
