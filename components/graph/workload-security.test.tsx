import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries, type SentRequest } from '@/components/testing/fake-api';
import { FAKE_SECURITY, PAYMENTS } from '@/components/testing/fake-mtls';
import { fakeSession } from '@/components/testing/fake-session';
import type { MeshNode } from '@/lib/mesh/types';
import { nodeWorkload, WorkloadSecurity } from './workload-security';

const NODE: MeshNode = {
  id: 'workload:shop:payments',
  kind: 'workload',
  namespace: 'shop',
  name: 'payments',
  workload: 'payments',
  app: 'payments',
  hasSidecar: true,
  health: 'healthy',
  rps: 3,
  errorRate: 0,
};

function mesh(): SentRequest[] {
  return fakeApi((request) => {
    if (request.url === '/api/session') return { body: fakeSession('all', ['shop']) };
    if (request.url.startsWith('/api/security?'))
      return {
        body: {
          ...FAKE_SECURITY,
          workloads: [
            {
              ...PAYMENTS,
              portModes: [
                {
                  port: 9090,
                  mode: 'DISABLE',
                  source: {
                    kind: 'PeerAuthentication',
                    namespace: 'shop',
                    name: 'payments-metrics',
                    scope: 'port',
                    detail: 'DISABLE on port 9090',
                  },
                },
              ],
            },
          ],
        },
      };
    return { status: 404, body: { title: 'Not found', detail: request.url } };
  });
}

describe('graph node Security section', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows mode, source, port overrides, client TLS, readiness and the workload action', async () => {
    const sent = mesh();
    renderWithQueries(<WorkloadSecurity node={NODE} workload="payments" window="15m" />);
    const section = await screen.findByRole('region', { name: 'Security' });
    await within(section).findByTestId('mtls-badge');
    expect(sent.find((r) => r.url.startsWith('/api/security'))?.url).toBe(
      '/api/security?window=15m&namespaces=shop',
    );
    expect(section.textContent).toContain(
      'PeerAuthentication shop/default: PERMISSIVE, namespace-wide in shop',
    );
    expect(section.textContent).toContain(
      '9090: DISABLE (PeerAuthentication shop/payments-metrics: DISABLE on port 9090)',
    );
    expect(section.textContent).toContain('auto mTLS: mTLS from sidecars');
    expect(within(section).getByTestId('strict-readiness').textContent).toContain(
      'legacy-client (shop) → payments, 2.50 req/s',
    );
    expect(
      await within(section).findByRole('button', {
        name: 'Require STRICT… for workload payments in shop',
      }),
    ).toBeTruthy();
  });

  it('has a Security section for workloads only', () => {
    expect(nodeWorkload(NODE)).toBe('payments');
    expect(nodeWorkload({ ...NODE, kind: 'service', workload: undefined })).toBeUndefined();
    expect(nodeWorkload({ ...NODE, kind: 'app', isBox: true })).toBeUndefined();
  });
});
