import { describe, expect, it } from 'vitest';
import type { InventoryService, IstioObject } from '@/lib/mesh/types';
import { istio, meshOf, service } from '../testing/mesh';
import { checkSidecarEgressHosts } from './sidecar-egress-hosts';
import type { MeshConfig } from './types';

const sidecar = (hosts: string[]) =>
  istio('Sidecar', 'bookinfo', 'sidecar', { egress: [{ hosts }] });

const serviceEntry = (namespace: string, hosts: string[], extra: Record<string, unknown> = {}) =>
  istio('ServiceEntry', namespace, 'se', { hosts, ...extra });

function codes(hosts: string[], objects: IstioObject[] = [], services: InventoryService[] = []) {
  return checkSidecarEgressHosts(sidecar(hosts), meshOf(objects, services)).map(
    (v) => `${v.code} ${v.path}`,
  );
}

const exported = (svc: InventoryService, ...exportTo: string[]) => ({ ...svc, exportTo });

describe('checkSidecarEgressHosts', () => {
  it('accepts the common forms and hosts that a service or ServiceEntry answers', () => {
    const services = [service('bookinfo', 'details'), service('bookinfo', 'reviews')];
    const wikipedia = serviceEntry('bookinfo', ['wikipedia.org'], { location: 'MESH_EXTERNAL' });
    expect(
      codes(
        [
          '*/*',
          '~/*',
          './*',
          './reviews.bookinfo.svc.cluster.local',
          './*.bookinfo.svc.cluster.local',
          './wikipedia.org',
          'bookinfo/*',
          'bookinfo/*.bookinfo.svc.cluster.local',
          'bookinfo/reviews.bookinfo.svc.cluster.local',
          'bookinfo/wikipedia.org',
        ],
        [wikipedia],
        services,
      ),
    ).toEqual([]);
  });

  it('warns on a host no visible service answers, with its path', () => {
    const [finding] = checkSidecarEgressHosts(
      sidecar([
        './details.bookinfo.svc.cluster.local',
        'bookinfo2/reviews.bookinfo2.svc.cluster.local',
      ]),
      meshOf([], [service('bookinfo', 'reviews'), service('bookinfo', 'details')]),
    );
    expect(finding).toEqual({
      code: 'KIA1004',
      severity: 'warning',
      message: expect.stringContaining(
        'no service or ServiceEntry visible from namespace bookinfo matches reviews.bookinfo2.svc.cluster.local',
      ) as string,
      path: 'spec.egress[0].hosts[1]',
    });
  });

  it("follows the services' exportTo", () => {
    const reviews2 = service('bookinfo2', 'reviews');
    const host = ['bookinfo2/reviews.bookinfo2.svc.cluster.local'];
    expect(codes(host, [], [reviews2])).toEqual([]);
    expect(codes(host, [], [exported(reviews2, '*')])).toEqual([]);
    expect(codes(host, [], [exported(reviews2, '.')])).toEqual(['KIA1004 spec.egress[0].hosts[0]']);
    const own = ['bookinfo/boggus.bookinfo.svc.cluster.local'];
    expect(codes(own, [], [exported(service('bookinfo', 'boggus'), '.')])).toEqual([]);
    expect(codes(own, [], [exported(service('bookinfo', 'boggus'), 'bookinfo2')])).toEqual([
      'KIA1004 spec.egress[0].hosts[0]',
    ]);
    expect(codes(own, [], [service('bookinfo2', 'boggus')])).toEqual([
      'KIA1004 spec.egress[0].hosts[0]',
    ]);
  });

  it('matches ServiceEntry hosts, wildcards included, whatever namespace the host names', () => {
    const internal = serviceEntry('bookinfo3', ['details.bookinfo2.svc.cluster.local']);
    expect(codes(['bookinfo/details.bookinfo2.svc.cluster.local'], [internal])).toEqual([]);
    expect(codes(['bookinfo/details.bookinfo.svc.cluster.local'], [internal])).toHaveLength(1);
    const external = serviceEntry('bookinfo3', ['www.myhost.com']);
    expect(codes(['bookinfo/www.myhost.com'], [external])).toEqual([]);
    expect(codes(['bookinfo/www.wrong.com'], [external])).toHaveLength(1);
    const wildcard = serviceEntry('bookinfo3', ['*.myhost.com']);
    expect(codes(['bookinfo/www.myhost.com'], [wildcard])).toEqual([]);
    const wildInternal = serviceEntry('bookinfo3', ['*.bookinfo2.svc.cluster.local']);
    expect(codes(['bookinfo/details.bookinfo2.svc.cluster.local'], [wildInternal])).toEqual([]);
    const otherWild = serviceEntry('bookinfo3', ['*.bookinfo3.svc.cluster.local']);
    expect(codes(['bookinfo/*.bookinfo2.svc.cluster.local'], [otherWild])).toHaveLength(1);
    // A short ServiceEntry host belongs to its own namespace: details.bookinfo3, not bookinfo2.
    const short = serviceEntry('bookinfo3', ['details']);
    expect(codes(['bookinfo/details.bookinfo2.svc.cluster.local'], [short])).toHaveLength(1);
  });

  it('warns on every named host of an empty registry', () => {
    const hosts = [
      '*/*.example.com',
      '*/www.example.com',
      '*/example.prod.svc.cluster.local',
      '~/*.example.com',
      '~/www.example.com',
      'bookinfo/reviews.bogus.svc.cluster.local',
      'bookinfo/*.bogus.svc.cluster.local',
    ];
    expect(codes(hosts)).toEqual(hosts.map((_, i) => `KIA1004 spec.egress[0].hosts[${i}]`));
  });

  it('warns on a namespace that does not exist, when the namespaces are known', () => {
    const mesh: MeshConfig = {
      ...meshOf([]),
      inventory: {
        ...meshOf([]).inventory,
        namespaces: [{ name: 'bookinfo', labels: {}, annotations: {} }],
      },
    };
    const found = checkSidecarEgressHosts(sidecar(['bookinfo/*', 'nowhere/*', './*']), mesh);
    expect(found.map((v) => v.path)).toEqual(['spec.egress[0].hosts[1]']);
    expect(found[0]?.message).toContain('names namespace nowhere, which does not exist');
    expect(checkSidecarEgressHosts(sidecar(['nowhere/*']), meshOf([]))).toEqual([]);
  });

  it('refuses a host without namespace, and ignores other kinds', () => {
    expect(codes(['reviews.bookinfo.svc.cluster.local'])).toEqual([
      'KIA1003 spec.egress[0].hosts[0]',
    ]);
    expect(
      checkSidecarEgressHosts(
        istio('DestinationRule', 'bookinfo', 'dr', { host: 'x' }),
        meshOf([]),
      ),
    ).toEqual([]);
  });
});
