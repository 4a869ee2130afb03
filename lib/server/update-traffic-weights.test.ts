import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConflictError } from '@/lib/errors';
import type { IstioObject } from '@/lib/mesh/types';

const ROUTE_WIRE = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'flights', namespace: 'travel', resourceVersion: '7' },
  spec: {
    parentRefs: [{ group: '', kind: 'Service', name: 'flights', port: 8080 }],
    rules: [
      {
        timeouts: { request: '5s' },
        backendRefs: [
          { name: 'flights-v1', port: 8080, weight: 90 },
          { name: 'flights-v2', port: 8080, weight: 10 },
        ],
      },
    ],
  },
};

const asObject = (resourceVersion: string): IstioObject => ({
  kind: 'HTTPRoute',
  apiVersion: ROUTE_WIRE.apiVersion,
  namespace: 'travel',
  name: 'flights',
  resourceVersion,
  labels: {},
  spec: ROUTE_WIRE.spec,
});

const kube = vi.hoisted(() => ({
  live: undefined as IstioObject | undefined,
  mergePatch: vi.fn(),
  audit: vi.fn(),
  noted: vi.fn(),
}));

vi.mock('@/lib/kube/informers', () => ({
  getInformers: () => ({ list: (r: string) => (r === 'httproutes' ? [ROUTE_WIRE] : []) }),
}));
vi.mock('./read-cluster', () => ({
  readCluster: async () => ({
    inventory: {
      namespaces: [],
      services: [
        {
          namespace: 'travel',
          name: 'flights',
          selector: {},
          ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        },
      ],
      workloads: [],
      pods: [],
    },
  }),
}));
vi.mock('@/lib/auth/user-kube-client', () => ({ kubeClientFor: () => ({}) }));
vi.mock('./live-istio', () => ({
  readLiveIstioObject: async () => kube.live,
  getIstioWriter: () => ({ mergePatch: kube.mergePatch }),
}));
vi.mock('./audit-log', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./audit-log')>()),
  auditWrite: kube.audit,
}));
vi.mock('./routing-changes', () => ({ noteRoutingWrite: kube.noted }));

const { updateTrafficWeights, WeightsConflictError } = await import('./update-traffic-weights');

const request = (resourceVersion: string, dryRun = false) => ({
  namespace: 'travel',
  service: 'flights',
  weights: { 'flights-v1': 50, 'flights-v2': 50 },
  resourceVersion,
  dryRun,
  identity: { kind: 'anonymous' } as const,
});

beforeEach(() => {
  kube.live = asObject('7');
  kube.mergePatch.mockReset();
  kube.audit.mockReset();
  kube.noted.mockReset();
});

describe('updateTrafficWeights on an HTTPRoute', () => {
  it('merge-patches the backendRefs weights with the loaded resourceVersion', async () => {
    kube.mergePatch.mockResolvedValue(asObject('8'));
    const answer = await updateTrafficWeights(request('7'));
    expect(answer).toEqual({ resourceVersion: '8', dryRun: false });
    const [kind, namespace, name, patch, opts] = kube.mergePatch.mock.calls[0] ?? [];
    expect([kind, namespace, name, opts]).toEqual([
      'HTTPRoute',
      'travel',
      'flights',
      { dryRun: false },
    ]);
    expect(patch).toEqual({
      metadata: { resourceVersion: '7' },
      spec: {
        rules: [
          {
            timeouts: { request: '5s' },
            backendRefs: [
              { name: 'flights-v1', port: 8080, weight: 50 },
              { name: 'flights-v2', port: 8080, weight: 50 },
            ],
          },
        ],
      },
    });
    expect(kube.audit).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'HTTPRoute',
        result: 'ok',
        diffSummary: 'route 0: flights-v1 90→50, flights-v2 10→50',
      }),
    );
    expect(kube.noted).toHaveBeenCalledOnce();
  });

  it('previews with a server-side dry run and a diff, noting no change', async () => {
    kube.mergePatch.mockResolvedValue(asObject('7'));
    const answer = await updateTrafficWeights(request('7', true));
    expect(kube.mergePatch.mock.calls[0]?.[4]).toEqual({ dryRun: true });
    expect(answer.dryRun).toBe(true);
    expect(answer.yaml).toContain('kind: HTTPRoute');
    expect(kube.noted).not.toHaveBeenCalled();
  });

  it('refuses a stale resourceVersion with 409, theirs vs yours, writing nothing', async () => {
    kube.live = asObject('9');
    const err = await updateTrafficWeights(request('7')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WeightsConflictError);
    const extras = (err as InstanceType<typeof WeightsConflictError>).extras();
    expect(extras).toMatchObject({
      current: {
        resourceVersion: '9',
        routes: [{ subsets: ['flights-v1', 'flights-v2'] }],
      },
    });
    expect(JSON.stringify(extras)).toContain('weight: 50');
    expect(kube.mergePatch).not.toHaveBeenCalled();
    expect(kube.audit).toHaveBeenCalledWith(
      expect.objectContaining({ result: expect.not.stringMatching(/^ok$/) }),
    );
  });

  it('turns a conflict from the API server into the same 409 on the fresh object', async () => {
    kube.mergePatch.mockRejectedValue(new ConflictError('the object has been modified'));
    const err = await updateTrafficWeights(request('7')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WeightsConflictError);
  });
});
