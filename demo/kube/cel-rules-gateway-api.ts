import { has, list, obj, parseGoDuration, str, type Rule } from './cel-rules';

/**
 * JavaScript equivalents of the CEL rules in lib/kube/gateway-api-crd-schemas.json, keyed by their
 * exact text as cel-rules.ts keys Istio's. Absent fields read as their schema defaults, so a rule
 * holds the same before and after defaulting.
 */

const FILTER_TYPES: Readonly<Record<string, string>> = {
  requestHeaderModifier: 'RequestHeaderModifier',
  responseHeaderModifier: 'ResponseHeaderModifier',
  requestMirror: 'RequestMirror',
  requestRedirect: 'RequestRedirect',
  urlRewrite: 'URLRewrite',
  extensionRef: 'ExtensionRef',
};

/** A filter's type and its one configuration field go together, both ways. */
const filterUnion: [string, Rule][] = Object.entries(FILTER_TYPES).flatMap(([field, type]) => [
  [
    `!(has(self.${field}) && self.type != '${type}')`,
    (self: unknown) => !(has(self, field) && obj(self).type !== type),
  ],
  [
    `!(!has(self.${field}) && self.type == '${type}')`,
    (self: unknown) => !(!has(self, field) && obj(self).type === type),
  ],
]);

const pathModifier: [string, Rule][] = [
  ['replaceFullPath', 'ReplaceFullPath'],
  ['replacePrefixMatch', 'ReplacePrefixMatch'],
].flatMap(([field = '', type = '']) => [
  [
    `self.type == '${type}' ? has(self.${field}) : true`,
    (self: unknown) => (obj(self).type === type ? has(self, field) : true),
  ],
  [
    `has(self.${field}) ? self.type == '${type}' : true`,
    (self: unknown) => (has(self, field) ? obj(self).type === type : true),
  ],
]);

const pathRule =
  (check: (value: string) => boolean): Rule =>
  (self) => {
    const type = has(self, 'type') ? str(obj(self).type) : 'PathPrefix';
    const value = has(self, 'value') ? str(obj(self).value) : '/';
    return ['Exact', 'PathPrefix'].includes(type) ? check(value) : true;
  };

const durationMs = (value: unknown): number | string =>
  parseGoDuration(str(value)) ?? `invalid duration ${JSON.stringify(value)}`;

const hostnameOf = (listener: unknown): string | undefined =>
  has(listener, 'hostname') ? str(obj(listener).hostname) : undefined;

export const GATEWAY_API_CEL_RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ...filterUnion,
  ...pathModifier,
  [
    "(size(self.group) == 0 && self.kind == 'Service') ? has(self.port) : true",
    (self) => {
      const group = has(self, 'group') ? str(obj(self).group) : '';
      const kind = has(self, 'kind') ? str(obj(self).kind) : 'Service';
      return group === '' && kind === 'Service' ? has(self, 'port') : true;
    },
  ],
  [
    "(self.type in ['Exact','PathPrefix']) ? self.value.startsWith('/') : true",
    pathRule((v) => v.startsWith('/')),
  ],
  [
    "(self.type in ['Exact','PathPrefix']) ? !self.value.contains('//') : true",
    pathRule((v) => !v.includes('//')),
  ],
  [
    '!(has(self.percent) && has(self.fraction))',
    (self) => !(has(self, 'percent') && has(self, 'fraction')),
  ],
  [
    'self.numerator <= self.denominator',
    (self) => Number(obj(self).numerator) <= Number(obj(self).denominator ?? 100),
  ],
  [
    "!(self.exists(f, f.type == 'RequestRedirect') && self.exists(f, f.type == 'URLRewrite'))",
    (self) => {
      const types = list(self).map((f) => obj(f).type);
      return !(types.includes('RequestRedirect') && types.includes('URLRewrite'));
    },
  ],
  [
    '(has(self.backendRefs) && size(self.backendRefs) > 0) ? (!has(self.filters) || self.filters.all(f, !has(f.requestRedirect))) : true',
    (self) =>
      list(obj(self).backendRefs).length > 0
        ? list(obj(self).filters).every((f) => !has(f, 'requestRedirect'))
        : true,
  ],
  [
    "!(has(self.request) && has(self.backendRequest) && duration(self.request) != duration('0s') && duration(self.backendRequest) > duration(self.request))",
    (self) => {
      if (!has(self, 'request') || !has(self, 'backendRequest')) return true;
      const request = durationMs(obj(self).request);
      const backend = durationMs(obj(self).backendRequest);
      if (typeof request === 'string') return request;
      if (typeof backend === 'string') return backend;
      return !(request !== 0 && backend > request);
    },
  ],
  [
    "self.all(l, l.protocol in ['HTTP', 'TCP', 'UDP'] ? !has(l.tls) : true)",
    (self) =>
      list(self).every((l) =>
        ['HTTP', 'TCP', 'UDP'].includes(str(obj(l).protocol)) ? !has(l, 'tls') : true,
      ),
  ],
  [
    "self.all(l, l.protocol in ['TCP', 'UDP'] ? (!has(l.hostname) || l.hostname == '') : true)",
    (self) =>
      list(self).every((l) =>
        ['TCP', 'UDP'].includes(str(obj(l).protocol)) ? !hostnameOf(l) : true,
      ),
  ],
  [
    'self.all(l1, self.exists_one(l2, l1.port == l2.port && l1.protocol == l2.protocol && (has(l1.hostname) && has(l2.hostname) ? l1.hostname == l2.hostname : !has(l1.hostname) && !has(l2.hostname))))',
    (self) =>
      list(self).every(
        (a) =>
          list(self).filter(
            (b) =>
              obj(a).port === obj(b).port &&
              obj(a).protocol === obj(b).protocol &&
              hostnameOf(a) === hostnameOf(b),
          ).length === 1,
      ),
  ],
]);
