/**
 * Pure PromQL building blocks. Every value that reaches a query goes through `quoteLabelValue` or
 * `regexEscape`; label names and metric names are checked against Prometheus' grammar and refused
 * otherwise, because they cannot be quoted.
 *
 * Ref https://prometheus.io/docs/prometheus/latest/querying/basics/#string-literals
 */

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

/** A double-quoted PromQL string literal holding `value` verbatim (Go string escaping rules). */
export function quoteLabelValue(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

/**
 * Escapes RE2 metacharacters so `value` matches itself literally inside `=~`. The result still has to
 * be quoted with `quoteLabelValue` (which doubles the backslashes this adds).
 */
export function regexEscape(value: string): string {
  return value.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

export function assertLabelName(name: string): string {
  if (!LABEL_NAME.test(name)) throw new Error(`Not a valid Prometheus label name: '${name}'`);
  return name;
}

export function assertMetricName(name: string): string {
  if (!METRIC_NAME.test(name)) throw new Error(`Not a valid Prometheus metric name: '${name}'`);
  return name;
}

/** A range selector duration such as `5m` or `1h30m`. */
export function assertDuration(duration: string): string {
  if (!DURATION.test(duration)) throw new Error(`Not a valid PromQL duration: '${duration}'`);
  return duration;
}

/** One matcher: `v` for equality, `{ne}` for inequality, `{re}`/`{nre}` for an RE2 regex (fully anchored). */
export type LabelMatcherValue = string | { ne: string } | { re: string } | { nre: string };

/**
 * `{k="v",k2=~"re"}` from an object; keys in insertion order. Undefined values are skipped so that
 * callers can write `{destination_workload_namespace: ns ?? undefined}`.
 */
export function labelMatchers(
  matchers: Readonly<Record<string, LabelMatcherValue | undefined>>,
): string {
  const parts: string[] = [];
  for (const [name, matcher] of Object.entries(matchers)) {
    if (matcher === undefined) continue;
    assertLabelName(name);
    if (typeof matcher === 'string') parts.push(`${name}=${quoteLabelValue(matcher)}`);
    else if ('ne' in matcher) parts.push(`${name}!=${quoteLabelValue(matcher.ne)}`);
    else if ('re' in matcher) parts.push(`${name}=~${quoteLabelValue(matcher.re)}`);
    else parts.push(`${name}!~${quoteLabelValue(matcher.nre)}`);
  }
  return `{${parts.join(',')}}`;
}

/** An RE2 alternation matching exactly these names, e.g. for `destination_workload_namespace=~`. */
export function namespaceRegex(namespaces: readonly string[]): string {
  if (namespaces.length === 0) throw new Error('namespaceRegex needs at least one namespace');
  return [...new Set(namespaces)].map(regexEscape).join('|');
}

/** `by (a,b)` with checked label names. */
export function byLabels(labels: readonly string[]): string {
  return `by (${labels.map(assertLabelName).join(',')})`;
}

/** `metric{matchers}`. */
export function selector(
  metric: string,
  matchers: Readonly<Record<string, LabelMatcherValue | undefined>> = {},
): string {
  return `${assertMetricName(metric)}${labelMatchers(matchers)}`;
}
