import { describe, expect, it } from 'vitest';
import { checkDestinationRuleHost } from './destination-rule-host';
import { istio, meshOf, service } from '../testing/mesh';

const mesh = meshOf([], [service('shop', 'cart')]);
const rule = (host: string): ReturnType<typeof istio> =>
  istio('DestinationRule', 'shop', 'r', { host });

describe('checkDestinationRuleHost', () => {
  it('passes a rule for an existing service, by short name or FQDN', () => {
    expect(checkDestinationRuleHost(rule('cart'), mesh)).toEqual([]);
    expect(checkDestinationRuleHost(rule('cart.shop.svc.cluster.local'), mesh)).toEqual([]);
  });

  it('warns about a host nothing provides (IST0174), at spec.host', () => {
    expect(checkDestinationRuleHost(rule('ghost'), mesh)).toEqual([
      {
        code: 'IST0174',
        severity: 'warning',
        message: expect.stringContaining("The host 'ghost' matches no service") as string,
        path: 'spec.host',
      },
    ]);
  });

  it('passes a mesh-wide wildcard rule that covers services, warns about one that covers none', () => {
    expect(checkDestinationRuleHost(rule('*.local'), mesh)).toEqual([]);
    expect(checkDestinationRuleHost(rule('*.example.org'), mesh)).toHaveLength(1);
  });
});
