import { describe, expect, it } from 'vitest';
import { readFixture } from '@/lib/testing/fixtures';
import { checkSubsetNotFound } from './subset-not-found';
import { find, istio, meshFromYaml, meshOf } from '../testing/mesh';

const KIALI = 'kiali/validations/virtualservices';

describe('checkSubsetNotFound', () => {
  it('passes Kiali’s matching-subsets case (TestCheckerWithSubsetMatching: no validation)', () => {
    const mesh = meshFromYaml(readFixture(`${KIALI}/subset-presence-matching-subsets-1.yaml`));
    expect(checkSubsetNotFound(find(mesh, 'VirtualService', 'reviews-vs'), mesh)).toEqual([]);
  });

  it('flags both routes of Kiali’s no-matching-subsets case (TestSubsetsNotFound)', () => {
    const mesh = meshFromYaml(readFixture(`${KIALI}/subset-presence-no-matching-subsets-1.yaml`));
    const found = checkSubsetNotFound(find(mesh, 'VirtualService', 'reviews-vs'), mesh);
    expect(found.map((v) => v.path)).toEqual([
      'spec.http[0].route[0].destination.subset',
      'spec.http[1].route[0].destination.subset',
    ]);
    expect(found[0]).toMatchObject({ code: 'IST0101', severity: 'error' });
    expect(found[0]?.message).toBe(
      "Subset 'not-v1' of reviews.bookinfo is not defined by any DestinationRule. Define it in DestinationRule 'testrule' or route to one of: v1, v2.",
    );
  });

  it('flags the http and tls routes of Kiali’s ServiceEntry case (TestInvalidServiceEntry)', () => {
    const mesh = meshFromYaml(readFixture(`${KIALI}/subset-presence-service-entry-invalid.yaml`));
    const found = checkSubsetNotFound(find(mesh, 'VirtualService', 'orahub-vs-bogus'), mesh);
    expect(found.map((v) => v.path)).toEqual([
      'spec.http[1].route[0].destination.subset',
      'spec.tls[1].route[0].destination.subset',
    ]);
  });

  it('says so when no DestinationRule exists for the host (the demo’s checkout case without its rule)', () => {
    const vs = istio('VirtualService', 'shop', 'checkout', {
      hosts: ['checkout'],
      http: [{ route: [{ destination: { host: 'checkout', subset: 'v2' } }] }],
    });
    expect(checkSubsetNotFound(vs, meshOf([vs]))[0]?.message).toContain(
      'no DestinationRule exists for checkout.shop',
    );
  });
});
