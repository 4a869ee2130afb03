import { describe, expect, it } from 'vitest';
import { InvalidError } from '@/lib/errors';
import { parseDeleteQuery, parseListQuery, parseObjectParams } from './schema';

describe('/api/istio input schemas', () => {
  it('reads namespaces and kinds, accepting plurals and kind names', () => {
    expect(
      parseListQuery(new URLSearchParams('namespaces=shop,bookinfo&kind=virtualservices,Gateway')),
    ).toEqual({
      namespaces: ['shop', 'bookinfo'],
      kind: ['VirtualService', 'Gateway'],
    });
    expect(parseListQuery(new URLSearchParams(''))).toEqual({});
  });

  it('refuses unknown kinds and names that are not DNS-1123', () => {
    expect(() => parseObjectParams({ namespace: 'shop', kind: 'pods', name: 'x' })).toThrow(
      InvalidError,
    );
    expect(() => parseObjectParams({ namespace: 'Shop', kind: 'gateways', name: 'x' })).toThrow(
      InvalidError,
    );
    expect(() => parseObjectParams({ namespace: 'shop', kind: 'gateways', name: 'a_b' })).toThrow(
      InvalidError,
    );
    expect(
      parseObjectParams({ namespace: 'shop', kind: 'virtualservices', name: 'checkout.v1' }),
    ).toEqual({
      namespace: 'shop',
      kind: 'VirtualService',
      name: 'checkout.v1',
    });
  });

  it('requires the resourceVersion on delete', () => {
    expect(() => parseDeleteQuery(new URLSearchParams(''))).toThrow(InvalidError);
    expect(parseDeleteQuery(new URLSearchParams('resourceVersion=12&dryRun=true'))).toEqual({
      resourceVersion: '12',
      dryRun: true,
    });
  });
});
