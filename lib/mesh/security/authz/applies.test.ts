/** Which policies reach a workload, from the reference's scope examples and istiod's attachment rules. */
import { describe, expect, it } from 'vitest';
import { authorizationPolicy as policy } from '@/lib/mesh/testing/authorization';
import type { IstioObject } from '@/lib/mesh/types';
import { appliedPolicies, policiesFor, type PolicyTarget } from './applies';

const HTTPBIN: PolicyTarget = { namespace: 'bar', labels: { app: 'httpbin', version: 'v1' } };
const names = (target: PolicyTarget, policies: IstioObject[]) =>
  policiesFor(target, policies).map((p) => `${p.action} ${p.namespace}/${p.name} ${p.scope}`);

describe('policiesFor', () => {
  it('mesh-wide from the root namespace, namespace-wide, and by selector', () => {
    expect(
      names(HTTPBIN, [
        policy('istio-system', 'mesh', {}),
        policy('bar', 'ns', { rules: [{}] }),
        policy('bar', 'httpbin', { selector: { matchLabels: { app: 'httpbin' } } }),
        policy('bar', 'other', { selector: { matchLabels: { app: 'sleep' } } }),
        policy('foo', 'elsewhere', {}),
      ]),
    ).toEqual([
      'ALLOW bar/httpbin selector',
      'ALLOW bar/ns namespace',
      'ALLOW istio-system/mesh mesh',
    ]);
  });

  it('a selector in the root namespace matches workloads of every namespace', () => {
    const v1 = policy('istio-system', 'allow-nothing', {
      selector: { matchLabels: { version: 'v1' } },
    });
    expect(names(HTTPBIN, [v1])).toEqual(['ALLOW istio-system/allow-nothing selector']);
    expect(names({ ...HTTPBIN, labels: { version: 'v2' } }, [v1])).toEqual([]);
  });

  it('every label of the selector must be on the workload; an empty selector is namespace-wide', () => {
    const both = policy('bar', 'both', {
      selector: { matchLabels: { app: 'httpbin', version: 'v2' } },
    });
    expect(names(HTTPBIN, [both])).toEqual([]);
    expect(names(HTTPBIN, [policy('bar', 'empty', { selector: { matchLabels: {} } })])).toEqual([
      'ALLOW bar/empty namespace',
    ]);
  });

  it('orders CUSTOM, DENY, ALLOW, AUDIT and leaves out unknown actions', () => {
    expect(
      names(HTTPBIN, [
        policy('bar', 'a', { action: 'AUDIT' }),
        policy('bar', 'b', { action: 'ALLOW' }),
        policy('bar', 'c', { action: 'DENY' }),
        policy('bar', 'd', { action: 'CUSTOM', provider: { name: 'x' } }),
        policy('bar', 'e', { action: 'LOG' }),
      ]),
    ).toEqual([
      'CUSTOM bar/d namespace',
      'DENY bar/c namespace',
      'ALLOW bar/b namespace',
      'AUDIT bar/a namespace',
    ]);
  });

  it('targetRefs: sidecars ignore them; a Gateway API deployment takes those naming its Gateway', () => {
    const gw = { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'shop-gw' };
    const refs = [
      policy('bar', 'to-gateway', { targetRefs: [gw] }),
      policy('bar', 'legacy-ref', { targetRef: gw }),
      policy('bar', 'to-service', {
        targetRefs: [{ group: '', kind: 'Service', name: 'httpbin' }],
      }),
      policy('bar', 'other-gateway', { targetRefs: [{ ...gw, name: 'x' }] }),
    ];
    expect(names(HTTPBIN, refs)).toEqual([]);
    const gateway = {
      namespace: 'bar',
      labels: { 'gateway.networking.k8s.io/gateway-name': 'shop-gw' },
    };
    expect(names(gateway, refs)).toEqual([
      'ALLOW bar/legacy-ref targetRef',
      'ALLOW bar/to-gateway targetRef',
    ]);
    // Only in the policy's own namespace.
    expect(names({ ...gateway, namespace: 'foo' }, refs)).toEqual([]);
  });

  it('lists them for the API without their spec', () => {
    expect(
      appliedPolicies(HTTPBIN, [policy('bar', 'ns', { action: 'DENY', rules: [{}] })]),
    ).toEqual([{ namespace: 'bar', name: 'ns', action: 'DENY', scope: 'namespace', rules: 1 }]);
  });
});
