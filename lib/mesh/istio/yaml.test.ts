import { describe, expect, it } from 'vitest';
import { billionLaughs, deepNesting } from '@/lib/testing/yaml-bombs';
import {
  manifestToObject,
  manifestYaml,
  parseManifest,
  toEditableManifest,
  YAML_LIMIT_CODE,
} from './yaml';

describe('toEditableManifest / manifestYaml', () => {
  it('keeps what a person edits and drops server-owned fields', () => {
    const raw = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: {
        name: 'reviews',
        namespace: 'bookinfo',
        uid: 'u',
        resourceVersion: '7',
        managedFields: [{}],
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'a' },
      },
      spec: { host: 'reviews' },
      status: {},
    };
    expect(toEditableManifest(raw)).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'reviews', namespace: 'bookinfo', annotations: { team: 'a' } },
      spec: { host: 'reviews' },
    });
    expect(manifestYaml(raw)).toContain('spec:\n  host: reviews\n');
  });
});

describe('parseManifest', () => {
  it('parses one object and locates its paths', () => {
    const parsed = parseManifest(
      'kind: VirtualService\nmetadata:\n  name: a\nspec:\n  hosts: [a]\n',
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.positions.lineOf('spec.hosts')).toBe(5);
  });

  it('reports a syntax error at its line', () => {
    const parsed = parseManifest('kind: VirtualService\nspec:\n  hosts: [a\n  http: x: y\n');
    expect(parsed).toMatchObject({
      ok: false,
      validations: [{ code: 'MESHLENS-002', severity: 'error' }],
    });
    if (!parsed.ok) expect(parsed.validations[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses several documents, an empty text and a scalar', () => {
    expect(parseManifest('a: 1\n---\nb: 2\n')).toMatchObject({
      ok: false,
      validations: [{ line: 3 }],
    });
    expect(parseManifest('')).toMatchObject({ ok: false });
    expect(parseManifest('just text')).toMatchObject({ ok: false });
  });

  it('refuses an alias bomb by name, without expanding it', () => {
    const parsed = parseManifest(billionLaughs());
    expect(parsed).toMatchObject({ ok: false, validations: [{ code: YAML_LIMIT_CODE }] });
    if (!parsed.ok) expect(parsed.validations[0]?.message).toMatch(/billion laughs|aliases/);
  });

  it('refuses a few aliases that expand past the limit', () => {
    // Four levels stay under the alias count but expand 9^4 times: yaml's maxAliasCount throws.
    const parsed = parseManifest(billionLaughs(4));
    expect(parsed).toMatchObject({ ok: false, validations: [{ code: YAML_LIMIT_CODE }] });
  });

  it('keeps ordinary anchors working', () => {
    const parsed = parseManifest('kind: VirtualService\nx: &h reviews\nspec: {hosts: [*h]}\n');
    expect(parsed).toMatchObject({ ok: true, manifest: { spec: { hosts: ['reviews'] } } });
  });

  it('refuses absurd nesting and thousands of documents', () => {
    expect(parseManifest(deepNesting(100))).toMatchObject({
      ok: false,
      validations: [{ code: YAML_LIMIT_CODE }],
    });
    // Deeper still, yaml itself stops with a syntax error.
    expect(parseManifest(deepNesting(5000))).toMatchObject({ ok: false });
    expect(parseManifest('---\na: 1\n'.repeat(5000))).toMatchObject({ ok: false });
  });
});

describe('manifestToObject', () => {
  it('fills the namespace from the context when the manifest has none', () => {
    expect(
      manifestToObject(
        {
          kind: 'Gateway',
          apiVersion: 'networking.istio.io/v1',
          metadata: { name: 'g' },
          spec: {},
        },
        'shop',
      ),
    ).toMatchObject({ kind: 'Gateway', namespace: 'shop', name: 'g' });
    expect(manifestToObject({ kind: 'Pod', metadata: { name: 'p' } }, 'shop')).toBeUndefined();
  });

  it('reads kind Gateway by its group and gives a GatewayClass no namespace', () => {
    const gw = (apiVersion: string) =>
      manifestToObject({ apiVersion, kind: 'Gateway', metadata: { name: 'g' } }, 'travel');
    expect(gw('gateway.networking.k8s.io/v1')).toMatchObject({
      kind: 'K8sGateway',
      namespace: 'travel',
    });
    expect(gw('networking.istio.io/v1')).toMatchObject({ kind: 'Gateway', namespace: 'travel' });
    expect(
      manifestToObject(
        {
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'GatewayClass',
          metadata: { name: 'istio' },
        },
        'travel',
      ),
    ).toMatchObject({ kind: 'GatewayClass', namespace: '' });
    expect(
      manifestToObject(
        { apiVersion: 'x/v1', kind: 'K8sGateway', metadata: { name: 'g' } },
        'travel',
      ),
    ).toBeUndefined();
  });
});
