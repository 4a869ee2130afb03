import { describe, expect, it } from 'vitest';
import { externalHosts } from './external-hosts';
import type { IstioObject } from '../types';

const entry = (name: string, spec: Record<string, unknown>): IstioObject => ({
  kind: 'ServiceEntry',
  apiVersion: 'networking.istio.io/v1',
  namespace: 'shop',
  name,
  resourceVersion: '1',
  labels: {},
  spec,
});

describe('externalHosts', () => {
  it('keeps MESH_EXTERNAL and location-less entries, drops MESH_INTERNAL ones', () => {
    expect(
      externalHosts([
        entry('stripe', { hosts: ['api.stripe.example'], location: 'MESH_EXTERNAL' }),
        entry('google', { hosts: ['*.googleapis.com', 'api.stripe.example'] }),
        entry('vm', { hosts: ['mysql.vm.internal'], location: 'MESH_INTERNAL' }),
      ]),
    ).toEqual(['*.googleapis.com', 'api.stripe.example']);
  });

  it('ignores malformed specs', () => {
    expect(externalHosts([entry('bad', { hosts: 'nope' })])).toEqual([]);
  });
});
