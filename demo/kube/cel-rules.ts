/**
 * JavaScript equivalents of the CEL rules (x-kubernetes-validations) that Istio's CRDs put on the six
 * served kinds, keyed by the exact rule text from crd-all.gen.yaml. There is no CEL interpreter here:
 * a rule not in this table is skipped (schema-validation.ts reports which ones, see skippedCelRules).
 * The table covers every rule on VirtualService, DestinationRule, Gateway, ServiceEntry,
 * PeerAuthentication and AuthorizationPolicy in the fixture's Istio version.
 */

/** true = rule holds; false = rule failed; a string = the rule errored at runtime (message). */
export type CelResult = boolean | string;
export type Rule = (self: unknown) => CelResult;

export function obj(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
export const has = (value: unknown, key: string): boolean => Object.hasOwn(obj(value), key);
export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const count = (...present: boolean[]): number => present.filter(Boolean).length;

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go time.ParseDuration, in milliseconds; undefined when the text is not a duration. */
export function parseGoDuration(text: string): number | undefined {
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(text);
  if (text === '0') return 0;
  if (!m) return undefined;
  let total = 0;
  for (const part of text
    .replace(/^[-+]/, '')
    .matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(part[1]) * (DURATION_UNITS[part[2] ?? ''] ?? 0);
  }
  return m[1] === '-' ? -total : total;
}

const UDS_ADDRESS = (self: unknown): string => str(obj(self).address);

export const CEL_RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  [
    "duration(self) >= duration('1ms')",
    (self) => {
      const ms = parseGoDuration(str(self));
      return ms === undefined ? `invalid duration ${JSON.stringify(self)}` : ms >= 1;
    },
  ],
  [
    'self.all(key, !key.contains("*"))',
    (self) => Object.keys(obj(self)).every((k) => !k.includes('*')),
  ],
  ['self.all(key, key.size() != 0)', (self) => Object.keys(obj(self)).every((k) => k.length !== 0)],
  ['!self.contains("*")', (self) => !str(self).includes('*')],
  [
    '(has(self.tlsCertificates) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1',
    (self) => count(has(self, 'tlsCertificates'), has(self, 'credentialNames')) <= 1,
  ],
  [
    '(has(self.credentialName) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1',
    (self) => count(has(self, 'credentialName'), has(self, 'credentialNames')) <= 1,
  ],
  [
    '(has(self.credentialNames) ? 1 : 0) + (has(self.tlsCertificates) ? 1 : 0) <= 1',
    (self) => count(has(self, 'credentialNames'), has(self, 'tlsCertificates')) <= 1,
  ],
  [
    '(has(self.workloadSelector) ? 1 : 0) + (has(self.endpoints) ? 1 : 0) <= 1',
    (self) => count(has(self, 'workloadSelector'), has(self, 'endpoints')) <= 1,
  ],
  [
    '!((has(self.addresses) ? self.addresses : []).exists(k, k.contains("/")) && !((has(self.resolution) ? self.resolution : "NONE") in ["STATIC", "NONE"]))',
    (self) => {
      const cidr = list(obj(self).addresses).some((a) => str(a).includes('/'));
      const resolution = has(self, 'resolution') ? str(obj(self).resolution) : 'NONE';
      return !(cidr && !['STATIC', 'NONE'].includes(resolution));
    },
  ],
  [
    '((has(self.resolution) ? self.resolution : "NONE") == "NONE") ? !has(self.endpoints) : true',
    (self) =>
      (has(self, 'resolution') ? str(obj(self).resolution) : 'NONE') === 'NONE'
        ? !has(self, 'endpoints')
        : true,
  ],
  [
    '((has(self.resolution) ? self.resolution : "") == "DNS_ROUND_ROBIN") ? ((has(self.endpoints) ? self.endpoints : []).size() <= 1) : true',
    (self) =>
      str(obj(self).resolution) === 'DNS_ROUND_ROBIN'
        ? list(obj(self).endpoints).length <= 1
        : true,
  ],
  [
    'has(self.address) || has(self.network)',
    (self) => has(self, 'address') || has(self, 'network'),
  ],
  [
    '(has(self.address) ? self.address : "").startsWith("unix://") ? !has(self.ports) : true',
    (self) => (UDS_ADDRESS(self).startsWith('unix://') ? !has(self, 'ports') : true),
  ],
  [
    'self.startsWith("unix://") ? (self.substring(7, 8) == "/" || self.substring(7, 8) == "@") : true',
    (self) => (str(self).startsWith('unix://') ? ['/', '@'].includes(str(self).slice(7, 8)) : true),
  ],
  [
    'self.startsWith("unix://") ? !self.endsWith("/") : true',
    (self) => (str(self).startsWith('unix://') ? !str(self).endsWith('/') : true),
  ],
  [
    'self.all(key, size(key) < 63 && key.matches("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$"))',
    (self) =>
      Object.keys(obj(self)).every(
        (k) => k.length < 63 && /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/.test(k),
      ),
  ],
  ['0 < self && self <= 65535', (self) => typeof self === 'number' && self > 0 && self <= 65535],
  ['self != "*"', (self) => self !== '*'],
  [
    'self.all(l1, self.exists_one(l2, l1.number == l2.number))',
    (self) =>
      list(self).every(
        (a) => list(self).filter((b) => obj(b).number === obj(a).number).length === 1,
      ),
  ],
  [
    '(has(self.selector) ? 1 : 0) + (has(self.targetRef) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1',
    (self) => count(has(self, 'selector'), has(self, 'targetRef'), has(self, 'targetRefs')) <= 1,
  ],
  [
    '(has(self.serviceAccounts) || has(self.notServiceAccounts)) ? (!has(self.principals) &&\n!has(self.notPrincipals) && !has(self.namespaces) && !has(self.notNamespaces)) : true',
    (self) =>
      has(self, 'serviceAccounts') || has(self, 'notServiceAccounts')
        ? !['principals', 'notPrincipals', 'namespaces', 'notNamespaces'].some((k) => has(self, k))
        : true,
  ],
  ['self.size() == 0', (self) => str(self).length === 0],
  [
    'has(self.portLevelMtls) ? (((has(self.selector) && has(self.selector.matchLabels)) ? self.selector.matchLabels : {}).size() > 0) : true',
    (self) =>
      has(self, 'portLevelMtls')
        ? Object.keys(obj(obj(obj(self).selector).matchLabels)).length > 0
        : true,
  ],
  [
    'self.all(key, 0 < int(key) && int(key) <= 65535)',
    (self) => {
      for (const key of Object.keys(obj(self))) {
        // CEL int() on a non-numeric string is a runtime error, not a false result.
        if (!/^[-+]?\d+$/.test(key)) return "type conversion error from 'string' to 'int'";
        const port = Number(key);
        if (!(port > 0 && port <= 65535)) return false;
      }
      return true;
    },
  ],
]);
