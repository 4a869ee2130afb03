import { describe, expect, it } from 'vitest';
import { istio } from '@/lib/mesh/testing/mesh';
import { checkDeprecatedFields } from './deprecated-fields';

const found = (kind: 'VirtualService' | 'Sidecar' | 'EnvoyFilter', spec: Record<string, unknown>) =>
  checkDeprecatedFields(istio(kind, 'foo', 'x', spec)).map(
    (v) => `${v.code} ${v.severity} ${v.path}`,
  );

describe('checkDeprecatedFields (IST0002)', () => {
  it("reports a VirtualService fault delay's percent, per rule", () => {
    expect(
      found('VirtualService', {
        hosts: ['productpage'],
        http: [
          { fault: { delay: { percent: 50, fixedDelay: '5s' } } },
          { fault: { delay: { percentage: { value: 50 }, fixedDelay: '5s' } } },
          { fault: { delay: { percent: 10, fixedDelay: '1s' } } },
        ],
      }),
    ).toEqual([
      'IST0002 warning spec.http[0].fault.delay.percent',
      'IST0002 warning spec.http[2].fault.delay.percent',
    ]);
  });

  it('accepts percent 0 and a delay without percent', () => {
    expect(
      found('VirtualService', {
        http: [{ fault: { delay: { percent: 0, fixedDelay: '1s' } } }, { fault: { abort: {} } }],
      }),
    ).toEqual([]);
  });

  it("reports a Sidecar's egressProxy, and not its other outbound settings", () => {
    expect(
      found('Sidecar', {
        outboundTrafficPolicy: {
          mode: 'ALLOW_ANY',
          egressProxy: { host: 'example', port: { number: 9080 } },
        },
      }),
    ).toEqual(['IST0002 warning spec.outboundTrafficPolicy.egressProxy']);
    expect(found('Sidecar', { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } })).toEqual([]);
  });

  it('leaves kinds istioctl does not check alone', () => {
    expect(
      found('EnvoyFilter', { workloadLabels: { istio: 'egressgateway' }, filters: [] }),
    ).toEqual([]);
  });
});
