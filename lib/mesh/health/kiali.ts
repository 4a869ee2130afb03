/**
 * Kiali's own per-object health annotation, read so that a team moving from Kiali keeps its tuning:
 *   health.kiali.io/rate: "<code>,<degraded>,<failure>,<protocol>,<direction>[;…]"
 * e.g. "4XX,10,20,http,inbound". Code, protocol and direction are regular expressions matched against
 * the whole value (Kiali's server anchors them), `X`/`x` in a code is a digit; degraded and failure are
 * percentages of the requests of that protocol and direction, reached at or above the value.
 *
 * As in Kiali, the annotation replaces every threshold for the object: whatever no entry names (a
 * category, a direction) is not judged. Every entry applies and the worst status wins.
 *
 * Meshlens judges two categories per direction (5xx with gRPC errors and no response; 4xx), so an entry
 * is taken only when it names one whole category. Anything finer (one code such as 404, a mix of both
 * categories) or ambiguous is reported as not supported and the whole annotation is set aside.
 */
import type { CategoryRules, ErrorThreshold, HealthRules } from './rule-types';

export const KIALI_RATE_ANNOTATION = 'health.kiali.io/rate';

type Category = keyof CategoryRules;
type Direction = 'inbound' | 'outbound';

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** What Istio reports as a code: HTTP statuses, gRPC statuses, and "-" (Kiali's no-response code). */
const HTTP_CODES = range(100, 599);
const GRPC_CODES = range(0, 16);
const NO_RESPONSE = '-';

/** Kiali's server: an empty pattern matches anything; a pattern is anchored at whichever end lacks it. */
function compile(pattern: string): RegExp | string {
  const p = pattern === '' ? '.*' : pattern;
  try {
    return new RegExp(`${p.startsWith('^') ? '' : '^'}${p}${p.endsWith('$') ? '' : '$'}`);
  } catch {
    return `"${pattern}" is not a valid regular expression`;
  }
}

const sameCodes = (got: readonly string[], want: readonly string[]): boolean =>
  got.length === want.length && got.every((c, i) => c === want[i]);

interface Coverage {
  readonly category: Category;
  /** Tells apart entries of one category that Kiali would measure on different requests. */
  readonly key: string;
}

/** Which of our categories the codes an entry matches amount to, or why they amount to none. */
function coverage(code: RegExp, protocol: RegExp): Coverage | string {
  const http = protocol.test('http') ? HTTP_CODES.filter((c) => code.test(c)) : [];
  const grpc = protocol.test('grpc') ? GRPC_CODES.filter((c) => code.test(c)) : [];
  const none = (protocol.test('http') || protocol.test('grpc')) && code.test(NO_RESPONSE);
  const key = `${http.length}/${grpc.length}/${none}`;
  if (http.length === 0 && grpc.length === 0 && !none) {
    return 'it matches no code Istio reports for an http or grpc request';
  }
  if (sameCodes(http, range(400, 499)) && grpc.length === 0 && !none) {
    return { category: 'clientErrors', key };
  }
  const httpOk = http.length === 0 || sameCodes(http, range(500, 599));
  const grpcOk = grpc.length === 0 || sameCodes(grpc, range(1, 16));
  if (httpOk && grpcOk) return { category: 'serverErrors', key };
  return 'Meshlens judges only whole categories: all 4xx, or all 5xx with gRPC errors and no response';
}

function percent(text: string, name: string): number | string {
  const n = text === '' ? NaN : Number(text);
  if (!Number.isFinite(n) || n < 0 || n > 100) return `${name} "${text}" is not a percentage`;
  return n / 100;
}

interface Entry {
  readonly coverage: Coverage;
  readonly directions: readonly Direction[];
  readonly threshold: ErrorThreshold;
}

function parseEntry(text: string): Entry | string {
  // Fields are trimmed: Kiali would keep a space and then never match the protocol or direction.
  const fields = text.split(',').map((f) => f.trim());
  const [code = '', degradedText = '', failureText = '', protocol = '', direction = ''] = fields;
  if (fields.length !== 5) return 'expected <code>,<degraded>,<failure>,<protocol>,<direction>';
  const degraded = percent(degradedText, 'degraded');
  if (typeof degraded === 'string') return degraded;
  const failing = percent(failureText, 'failure');
  if (typeof failing === 'string') return failing;
  if (degraded > failing) return `degraded (${degradedText}) is above failure (${failureText})`;
  // Kiali's server reads failure 0 as "never fails", its console as "any error fails".
  if (failing === 0) return 'not supported: failure 0 means different things in Kiali versions';
  const [codeRe, protocolRe, directionRe] = [
    compile(code.replace(/[xX]/g, '\\d')),
    compile(protocol),
    compile(direction),
  ];
  if (typeof codeRe === 'string') return `code ${codeRe}`;
  if (typeof protocolRe === 'string') return `protocol ${protocolRe}`;
  if (typeof directionRe === 'string') return `direction ${directionRe}`;
  const directions = (['inbound', 'outbound'] as const).filter((d) => directionRe.test(d));
  if (directions.length === 0)
    return 'not supported: direction matches neither inbound nor outbound';
  const cov = coverage(codeRe, protocolRe);
  if (typeof cov === 'string') return `not supported: code "${code}": ${cov}`;
  return { coverage: cov, directions, threshold: { degraded, failing } };
}

const OFF: CategoryRules = { serverErrors: null, clientErrors: null };

/**
 * The rules an annotation value stands for, or a message naming every entry that cannot be used.
 * Entries measuring the same requests combine as Kiali's worst-wins does: the lower of each level.
 */
export function parseKialiRate(value: string): HealthRules | string {
  const rules: Record<Direction, Record<Category, ErrorThreshold | null>> = {
    inbound: { ...OFF },
    outbound: { ...OFF },
  };
  const keys = new Map<string, string>();
  const problems: string[] = [];
  const entries = value
    .split(';')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) return 'no entries';
  entries.forEach((text, i) => {
    const entry = parseEntry(text);
    if (typeof entry === 'string') {
      problems.push(`entry ${i + 1} "${text}": ${entry}`);
      return;
    }
    const { category, key } = entry.coverage;
    for (const d of entry.directions) {
      const prev = rules[d][category];
      const prevKey = keys.get(`${d}/${category}`);
      if (prev !== null && prevKey !== key && !sameThreshold(prev, entry.threshold)) {
        problems.push(
          `entry ${i + 1} "${text}": not supported: another entry gives the same category other thresholds for other protocols or codes, which Meshlens judges together`,
        );
        return;
      }
      keys.set(`${d}/${category}`, key);
      rules[d][category] = prev === null ? entry.threshold : lower(prev, entry.threshold);
    }
  });
  if (problems.length > 0) return problems.join('; ');
  return { ...rules.inbound, outbound: rules.outbound };
}

const sameThreshold = (a: ErrorThreshold, b: ErrorThreshold): boolean =>
  a.degraded === b.degraded && a.failing === b.failing;

const lower = (a: ErrorThreshold, b: ErrorThreshold): ErrorThreshold => ({
  degraded: Math.min(a.degraded, b.degraded),
  failing: Math.min(a.failing, b.failing),
});
