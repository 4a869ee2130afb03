import { describe, expect, it } from 'vitest';
import type { IstioConfigItem, OtherConfigItem } from '@/lib/api/istio';
import { visibleItems } from './visible-items';

const istio = (
  kind: IstioConfigItem['kind'],
  namespace: string,
  name: string,
): IstioConfigItem => ({
  kind,
  namespace,
  name,
  resourceVersion: '1',
  validations: [],
  editable: true,
});

const other = (kind: string, namespace: string, name: string): OtherConfigItem => ({
  kind,
  apiVersion: 'v1',
  namespace,
  name,
  resourceVersion: '',
  validations: [],
  checked: true,
  editable: false,
});

const ISTIO = [istio('VirtualService', 'shop', 'cart'), istio('GatewayClass', '', 'istio')];
const OTHERS = [
  other('Namespace', '', 'shop'),
  other('Namespace', '', 'secret-team'),
  other('Pod', 'shop', 'cart-1'),
  other('Pod', 'secret-team', 'x'),
  other('ClusterThing', '', 'c'),
];
const names = (list: readonly { kind: string; name: string }[]): string[] =>
  list.map((i) => `${i.kind} ${i.name}`);

describe('visibleItems', () => {
  const seen = (ns: string): boolean => ns === 'shop';

  it('shows a Namespace to whoever may see it, and other items by their namespace', () => {
    expect(names(visibleItems(ISTIO, OTHERS, { seen, clusterKinds: false }))).toEqual([
      'VirtualService cart',
      'Namespace shop',
      'Pod cart-1',
    ]);
    expect(names(visibleItems(ISTIO, OTHERS, { seen, clusterKinds: true }))).toEqual([
      'VirtualService cart',
      'GatewayClass istio',
      'Namespace shop',
      'Pod cart-1',
      'ClusterThing c',
    ]);
  });

  it('keeps to the namespaces asked for', () => {
    const all = (): boolean => true;
    const scope = { seen: all, clusterKinds: false, namespaces: new Set(['secret-team']) };
    expect(names(visibleItems(ISTIO, OTHERS, scope))).toEqual(['Namespace secret-team', 'Pod x']);
  });

  it('lists only the Istio kinds asked for', () => {
    const scope = { seen, clusterKinds: true, kinds: new Set(['VirtualService'] as const) };
    expect(names(visibleItems(ISTIO, OTHERS, scope))).toEqual(['VirtualService cart']);
  });
});
