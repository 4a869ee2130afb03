import { describe, expect, it } from 'vitest';
import { readFixture } from '@/lib/testing/fixtures';
import { checkMtlsConflict } from './mtls-conflict';
import { checkPeerDisableConflict } from './peer-disable-conflict';
import { find, istio, meshFromYaml, meshOf, pod, service } from '../testing/mesh';

const ratingsPod = pod('bookinfo', 'ratings-v1-a', { app: 'ratings', version: 'v1' });

describe('checkMtlsConflict', () => {
  it('passes Kiali’s workload-level DISABLE case (mtls_enabled_checker_19): the workload policy wins', () => {
    const mesh = meshFromYaml(
      readFixture('kiali/validations/authorization/mtls_enabled_checker_19.yaml'),
      [ratingsPod],
      'bookinfo',
    );
    // The fixture's Service has neither name nor namespace: its app label names it, Kiali's test namespace holds it.
    expect(checkMtlsConflict(find(mesh, 'DestinationRule', 'ratings-mtls'), mesh)).toEqual([]);
  });

  it('flags DISABLE towards a namespace-wide STRICT workload (same fixture, workload policy removed)', () => {
    const base = meshFromYaml(
      readFixture('kiali/validations/authorization/mtls_enabled_checker_19.yaml'),
      [ratingsPod],
      'bookinfo',
    );
    const mesh = { ...base, objects: base.objects.filter((o) => o.name !== 'ratings-policy') };
    expect(checkMtlsConflict(find(mesh, 'DestinationRule', 'ratings-mtls'), mesh)).toEqual([
      {
        code: 'IST0113',
        severity: 'error',
        message: expect.stringContaining(
          "PeerAuthentication 'bookinfo/default-policy' requires mTLS (STRICT)",
        ) as string,
        path: 'spec.trafficPolicy.tls.mode',
      },
    ]);
  });

  it('passes Kiali’s mesh-wide DISABLE + DISABLE case (disabled_meshwide_checker_1)', () => {
    const mesh = meshFromYaml(
      readFixture('kiali/validations/peerauthentications/disabled_meshwide_checker_1.yaml'),
      [ratingsPod],
    );
    const rules = mesh.objects.filter((o) => o.kind === 'DestinationRule');
    const withService = {
      ...mesh,
      inventory: { ...mesh.inventory, services: [service('bookinfo', 'ratings')] },
    };
    for (const dr of rules) expect(checkMtlsConflict(dr, withService)).toEqual([]);
  });

  it('uses the mesh-wide policy in istio-system and port-level settings', () => {
    const meshWide = istio('PeerAuthentication', 'istio-system', 'default', {
      mtls: { mode: 'STRICT' },
    });
    const dr = istio('DestinationRule', 'bookinfo', 'ratings', {
      host: 'ratings',
      trafficPolicy: { portLevelSettings: [{ port: { number: 9080 }, tls: { mode: 'DISABLE' } }] },
    });
    const mesh = meshOf([meshWide, dr], [service('bookinfo', 'ratings')], [ratingsPod]);
    expect(checkMtlsConflict(dr, mesh)[0]?.path).toBe(
      'spec.trafficPolicy.portLevelSettings[0].tls.mode',
    );
    const permissive = istio('PeerAuthentication', 'bookinfo', 'default', {
      mtls: { mode: 'PERMISSIVE' },
    });
    expect(
      checkMtlsConflict(
        dr,
        meshOf([meshWide, permissive, dr], [service('bookinfo', 'ratings')], [ratingsPod]),
      ),
    ).toEqual([]);
  });
});

describe('mTLS turned off while clients are told to send it (IST0113, the other direction)', () => {
  const off = istio('PeerAuthentication', 'bookinfo', 'default', { mtls: { mode: 'DISABLE' } });
  const mutual = istio('DestinationRule', 'bookinfo', 'ratings', {
    host: 'ratings',
    trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } },
  });
  const mesh = meshOf([off, mutual], [service('bookinfo', 'ratings')], [ratingsPod]);

  it('flags the ISTIO_MUTUAL rule on the DestinationRule and the DISABLE on the PeerAuthentication', () => {
    expect(checkMtlsConflict(mutual, mesh)).toEqual([
      expect.objectContaining({
        code: 'IST0113',
        path: 'spec.trafficPolicy.tls.mode',
        message: expect.stringContaining("PeerAuthentication 'bookinfo/default' turns mTLS off"),
      }),
    ]);
    expect(checkPeerDisableConflict(off, mesh)).toEqual([
      expect.objectContaining({
        code: 'IST0113',
        path: 'spec.mtls.mode',
        message: expect.stringContaining("'bookinfo/ratings' (for ratings.bookinfo)"),
      }),
    ]);
  });

  it('is silent when a workload policy keeps mTLS on, or the rule leaves TLS to auto mTLS', () => {
    const keep = istio('PeerAuthentication', 'bookinfo', 'ratings', {
      selector: { matchLabels: { app: 'ratings' } },
      mtls: { mode: 'PERMISSIVE' },
    });
    const kept = meshOf([off, mutual, keep], [service('bookinfo', 'ratings')], [ratingsPod]);
    expect(checkMtlsConflict(mutual, kept)).toEqual([]);
    expect(checkPeerDisableConflict(off, kept)).toEqual([]);
    const auto = istio('DestinationRule', 'bookinfo', 'ratings', { host: 'ratings' });
    const autoMesh = meshOf([off, auto], [service('bookinfo', 'ratings')], [ratingsPod]);
    expect(checkPeerDisableConflict(off, autoMesh)).toEqual([]);
  });
});
