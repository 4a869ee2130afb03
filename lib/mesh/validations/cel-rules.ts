/**
 * JavaScript equivalents of the CEL rules (x-kubernetes-validations) Istio's CRDs put on the six kinds
 * Meshlens edits, keyed by the exact rule text of crd-all.gen.yaml (Istio 1.30). There is no CEL
 * interpreter here: a rule missing from this table is skipped, and the API server remains the judge.
 *
 * A rule returns true when it holds, false when it fails, or a string when CEL would raise an error
 * (e.g. `int("acd")`), which the API server reports as such.
 */
export type CelOutcome = boolean | string;
type Rule = (self: unknown) => CelOutcome;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
const has = (value: unknown, key: string): boolean => Object.hasOwn(record(value), key);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const present = (...flags: boolean[]): number => flags.filter(Boolean).length;

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's time.ParseDuration in milliseconds (what CEL's duration() accepts); undefined if malformed. */
export function parseDurationMs(value: string): number | undefined {
  if (value === '0') return 0;
  const body = value.replace(/^[-+]/, '');
  if (!/^((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/.test(body)) return undefined;
  let total = 0;
  for (const m of body.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g))
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 0);
  return value.startsWith('-') ? -total : total;
}

function celInt(key: string): number | string {
  return /^[-+]?\d+$/.test(key) ? Number(key) : `type conversion error from 'string' to 'int'`;
}

const unixAddress = (self: unknown): string => text(record(self).address);

export const CEL_RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  [
    "duration(self) >= duration('1ms')",
    (self) => {
      const ms = parseDurationMs(text(self));
      return ms === undefined ? `invalid duration ${JSON.stringify(self)}` : ms >= 1;
    },
  ],
  [
    'self.all(key, !key.contains("*"))',
    (self) => Object.keys(record(self)).every((k) => !k.includes('*')),
  ],
  [
    'self.all(key, key.size() != 0)',
    (self) => Object.keys(record(self)).every((k) => k.length > 0),
  ],
  ['!self.contains("*")', (self) => !text(self).includes('*')],
  [
    '(has(self.tlsCertificates) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1',
    (self) => present(has(self, 'tlsCertificates'), has(self, 'credentialNames')) <= 1,
  ],
  [
    '(has(self.credentialName) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1',
    (self) => present(has(self, 'credentialName'), has(self, 'credentialNames')) <= 1,
  ],
  [
    '(has(self.credentialNames) ? 1 : 0) + (has(self.tlsCertificates) ? 1 : 0) <= 1',
    (self) => present(has(self, 'credentialNames'), has(self, 'tlsCertificates')) <= 1,
  ],
  [
    '(has(self.workloadSelector) ? 1 : 0) + (has(self.endpoints) ? 1 : 0) <= 1',
    (self) => present(has(self, 'workloadSelector'), has(self, 'endpoints')) <= 1,
  ],
  [
    '!((has(self.addresses) ? self.addresses : []).exists(k, k.contains("/")) && !((has(self.resolution) ? self.resolution : "NONE") in ["STATIC", "NONE"]))',
    (self) => {
      const s = record(self);
      const cidr = list(s.addresses).some((a) => text(a).includes('/'));
      const resolution = has(s, 'resolution') ? text(s.resolution) : 'NONE';
      return !(cidr && !['STATIC', 'NONE'].includes(resolution));
    },
  ],
  [
    '((has(self.resolution) ? self.resolution : "NONE") == "NONE") ? !has(self.endpoints) : true',
    (self) =>
      (has(self, 'resolution') ? text(record(self).resolution) : 'NONE') === 'NONE'
        ? !has(self, 'endpoints')
        : true,
  ],
  [
    '((has(self.resolution) ? self.resolution : "") == "DNS_ROUND_ROBIN") ? ((has(self.endpoints) ? self.endpoints : []).size() <= 1) : true',
    (self) =>
      text(record(self).resolution) === 'DNS_ROUND_ROBIN'
        ? list(record(self).endpoints).length <= 1
        : true,
  ],
  [
    'has(self.address) || has(self.network)',
    (self) => has(self, 'address') || has(self, 'network'),
  ],
  [
    '(has(self.address) ? self.address : "").startsWith("unix://") ? !has(self.ports) : true',
    (self) => (unixAddress(self).startsWith('unix://') ? !has(self, 'ports') : true),
  ],
  [
    'self.startsWith("unix://") ? (self.substring(7, 8) == "/" || self.substring(7, 8) == "@") : true',
    (self) =>
      text(self).startsWith('unix://') ? ['/', '@'].includes(text(self).slice(7, 8)) : true,
  ],
  [
    'self.startsWith("unix://") ? !self.endsWith("/") : true',
    (self) => (text(self).startsWith('unix://') ? !text(self).endsWith('/') : true),
  ],
  [
    'self.all(key, size(key) < 63 && key.matches("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$"))',
    (self) =>
      Object.keys(record(self)).every(
        (k) => k.length < 63 && /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/.test(k),
      ),
  ],
  ['0 < self && self <= 65535', (self) => typeof self === 'number' && self > 0 && self <= 65535],
  ['self != "*"', (self) => self !== '*'],
  [
    'self.all(l1, self.exists_one(l2, l1.number == l2.number))',
    (self) => {
      const numbers = list(self).map((p) => record(p).number);
      return numbers.every((n) => numbers.filter((m) => m === n).length === 1);
    },
  ],
  [
    '(has(self.selector) ? 1 : 0) + (has(self.targetRef) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1',
    (self) => present(has(self, 'selector'), has(self, 'targetRef'), has(self, 'targetRefs')) <= 1,
  ],
  [
    '(has(self.serviceAccounts) || has(self.notServiceAccounts)) ? (!has(self.principals) &&\n!has(self.notPrincipals) && !has(self.namespaces) && !has(self.notNamespaces)) : true',
    (self) =>
      has(self, 'serviceAccounts') || has(self, 'notServiceAccounts')
        ? ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'].every((k) => !has(self, k))
        : true,
  ],
  ['self.size() == 0', (self) => text(self).length === 0],
  [
    'has(self.portLevelMtls) ? (((has(self.selector) && has(self.selector.matchLabels)) ? self.selector.matchLabels : {}).size() > 0) : true',
    (self) =>
      has(self, 'portLevelMtls')
        ? Object.keys(record(record(record(self).selector).matchLabels)).length > 0
        : true,
  ],
  [
    'self.all(key, 0 < int(key) && int(key) <= 65535)',
    (self) => {
      for (const key of Object.keys(record(self))) {
        const n = celInt(key);
        if (typeof n === 'string') return n;
        if (!(n > 0 && n <= 65535)) return false;
      }
      return true;
    },
  ],
]);
