import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { templateYaml } from '@/lib/mesh/istio/templates';
import { GATEWAY_API_CEL_RULES } from './cel-rules-gateway-api';
import { resourceForObject } from './resources';
import { CrdSchemas, defaultCrdPath, defaultGatewayApiSchemaPath } from './schema-validation';

const schemas = new CrdSchemas(defaultCrdPath());
const GV = 'gateway.networking.k8s.io/v1';

function rulesIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(rulesIn);
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as { 'x-kubernetes-validations'?: { rule: string }[] })[
    'x-kubernetes-validations'
  ];
  return [...(own ?? []).map((r) => r.rule), ...Object.values(node).flatMap(rulesIn)];
}

function errors(object: Record<string, unknown>): string[] {
  const def = resourceForObject(String(object.apiVersion), String(object.kind));
  if (!def) throw new Error('not served');
  return schemas.validate(def, 'v1', object).errors.map((e) => `${e.field}: ${e.body}`);
}

const route = (rule: Record<string, unknown>) => ({
  apiVersion: GV,
  kind: 'HTTPRoute',
  metadata: { name: 'r', namespace: 'travel' },
  spec: { rules: [rule] },
});

const gateway = (listeners: Record<string, unknown>[]) => ({
  apiVersion: GV,
  kind: 'Gateway',
  metadata: { name: 'g', namespace: 'travel' },
  spec: { gatewayClassName: 'istio', listeners },
});

describe('the Gateway API CEL rules', () => {
  it('has an implementation for every rule the schemas carry, so none is skipped', () => {
    const all = rulesIn(JSON.parse(fs.readFileSync(defaultGatewayApiSchemaPath(), 'utf8')));
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((r) => !GATEWAY_API_CEL_RULES.has(r))).toEqual([]);
  });

  it("accepts Meshlens' templates of the five kinds, rules included", () => {
    for (const kind of [
      'K8sGateway',
      'GatewayClass',
      'HTTPRoute',
      'GRPCRoute',
      'ReferenceGrant',
    ] as const)
      expect(errors(parse(templateYaml(kind, 'travel')) as Record<string, unknown>), kind).toEqual(
        [],
      );
  });

  it('needs a port on a Service backendRef, not on another kind', () => {
    expect(errors(route({ backendRefs: [{ name: 'web' }] }))).toEqual([
      'spec.rules[0].backendRefs[0]: Invalid value: "object": Must have port for Service reference',
    ]);
    expect(
      errors(route({ backendRefs: [{ group: 'example.com', kind: 'Bucket', name: 'web' }] })),
    ).toEqual([]);
  });

  it('wants an absolute path without // for Exact and PathPrefix, anything for a regex', () => {
    const match = (type: string, value: string) =>
      errors(route({ matches: [{ path: { type, value } }] }));
    expect(match('PathPrefix', 'api')).toEqual([
      "spec.rules[0].matches[0].path: Invalid value: \"object\": value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']",
    ]);
    expect(match('Exact', '/a//b')).toHaveLength(1);
    expect(match('RegularExpression', 'a.*')).toEqual([]);
  });

  it('ties a filter type to its configuration and refuses a redirect beside backends', () => {
    expect(errors(route({ filters: [{ type: 'RequestHeaderModifier' }] }))).toEqual([
      'spec.rules[0].filters[0]: Invalid value: "object": filter.requestHeaderModifier must be specified for RequestHeaderModifier filter.type',
    ]);
    const redirect = { type: 'RequestRedirect', requestRedirect: { scheme: 'https' } };
    expect(errors(route({ filters: [redirect] }))).toEqual([]);
    expect(
      errors(route({ filters: [redirect], backendRefs: [{ name: 'web', port: 80 }] })),
    ).toEqual([
      'spec.rules[0]: Invalid value: "object": RequestRedirect filter must not be used together with backendRefs',
    ]);
  });

  it('refuses a backendRequest timeout longer than the request timeout', () => {
    expect(errors(route({ timeouts: { request: '10s', backendRequest: '20s' } }))).toHaveLength(1);
    expect(errors(route({ timeouts: { request: '0s', backendRequest: '20s' } }))).toEqual([]);
    expect(errors(route({ timeouts: { request: '1m', backendRequest: '20s' } }))).toEqual([]);
  });

  it('refuses tls on an HTTP listener and two listeners on the same port, protocol and host', () => {
    const http = { name: 'http', port: 80, protocol: 'HTTP' };
    expect(errors(gateway([{ ...http, tls: { mode: 'Terminate' } }]))).toEqual([
      "spec.listeners: Invalid value: \"array\": tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
    ]);
    expect(errors(gateway([http, { ...http, name: 'other' }]))).toEqual([
      'spec.listeners: Invalid value: "array": Combination of port, protocol and hostname must be unique for each listener',
    ]);
    expect(errors(gateway([http, { ...http, name: 'other', hostname: 'a.example.com' }]))).toEqual(
      [],
    );
  });
});
