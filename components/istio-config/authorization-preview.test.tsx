import { EditorView } from '@codemirror/view';
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries, type FakeAnswer } from '@/components/testing/fake-api';
import { fakeSession } from '@/components/testing/fake-session';
import { stubRangeLayout } from '@/components/testing/jsdom-layout';
import type { AuthorizationPreviewResponse } from '@/lib/api/security';
import { IstioEditorPage } from './editor-page';
import { NewObjectPage } from './new-object';

vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: vi.fn() }),
  useSearchParams: () => new URLSearchParams('kind=AuthorizationPolicy&namespace=shop'),
}));

const PREVIEW = '/api/security/authorization/preview';
const OBJECT = '/api/istio/shop/authorizationpolicies/payments-allow';
const LIVE = [
  'apiVersion: security.istio.io/v1',
  'kind: AuthorizationPolicy',
  'metadata:',
  '  name: payments-allow',
  '  namespace: shop',
  'spec:',
  '  action: ALLOW',
  '',
].join('\n');

const doc = {
  kind: 'AuthorizationPolicy',
  namespace: 'shop',
  name: 'payments-allow',
  resourceVersion: '3',
  yaml: LIVE,
  object: {},
  validations: [],
  access: { update: true, delete: true },
};

const DENY_TWO: AuthorizationPreviewResponse = {
  changes: [
    {
      source: 'checkout',
      sourceNamespace: 'shop',
      target: 'payments',
      targetNamespace: 'shop',
      rps: 4.5,
      before: 'allow',
      after: 'deny',
    },
    {
      source: 'unknown',
      sourceNamespace: 'unknown',
      target: 'payments',
      targetNamespace: 'shop',
      rps: 0.5,
      before: 'allow',
      after: 'deny',
    },
    {
      source: 'cart',
      sourceNamespace: 'shop',
      target: 'payments',
      targetNamespace: 'shop',
      rps: 2,
      before: 'deny',
      after: 'depends',
      dependsOn: ['paths', 'methods'],
    },
  ],
  unchanged: 1,
};

function cluster(preview: (yaml: string) => FakeAnswer) {
  return fakeApi((request) => {
    if (request.url === '/api/session') return { body: fakeSession('all', ['shop']) };
    if (request.url === '/api/namespaces') return { body: [{ name: 'shop', workloads: 3 }] };
    if (request.url === '/api/istio/validate') return { body: { validations: [] } };
    if (request.url === PREVIEW) return preview((request.body as { yaml: string }).yaml);
    if (request.url === OBJECT) return { body: doc };
    return { status: 404, body: { title: 'Not found', detail: request.url } };
  });
}

function typeIntoEditor(label: string, text: string): void {
  const view = EditorView.findFromDOM(screen.getByRole('textbox', { name: label }));
  if (!view) throw new Error(`no editor labelled ${label}`);
  act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: text } }));
}

const panel = (): HTMLElement =>
  screen.getByRole('region', { name: 'Traffic this change affects' });

describe('AuthorizationPreview in the editor', () => {
  beforeAll(stubRangeLayout);
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('sends nothing for the unedited policy, then previews the edit and lists what it changes', async () => {
    const sent = cluster(() => ({ body: DENY_TWO }));
    renderWithQueries(
      <IstioEditorPage namespace="shop" kind="AuthorizationPolicy" name="payments-allow" />,
    );
    await screen.findByRole('button', { name: 'Apply' });
    expect(panel().textContent).toContain('Edit the policy to see');
    typeIntoEditor('YAML of AuthorizationPolicy payments-allow', '  rules: []\n');

    const denying = await screen.findByRole('region', { name: 'Would start denying' });
    expect(within(denying).getByRole('heading').textContent).toBe(
      'Would start denying: 2 edges, 5.00 req/s',
    );
    const rows = within(denying)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')]);
    expect(rows.map((r) => r[0]?.textContent)).toEqual([
      'checkout.shop → payments.shop',
      'unknown → payments.shop',
    ]);
    expect(rows[0]?.[1]?.textContent).toBe('4.50 req/s');
    expect(rows[0]?.[2]?.textContent).toContain('Allowed→Denied');
    const depending = screen.getByRole('region', {
      name: 'Would depend on request attributes',
    });
    expect(depending.textContent).toContain('on paths, methods, which the metrics do not carry');
    expect(screen.queryByRole('region', { name: 'Would start allowing' })).toBeNull();
    expect(panel().textContent).toContain('1 other observed edge keeps its verdict');

    const previews = sent.filter((r) => r.url === PREVIEW);
    expect(previews.length).toBe(1);
    expect(previews[0]?.method).toBe('POST');
    expect(previews[0]?.body).toEqual({ yaml: `${LIVE}  rules: []\n` });
    // Preview only: no write of any kind went out.
    expect(sent.filter((r) => r.method === 'PUT' || r.method === 'DELETE')).toEqual([]);
  });

  it('says so when no observed traffic changes verdict', async () => {
    cluster(() => ({ body: { changes: [], unchanged: 3 } }));
    renderWithQueries(
      <IstioEditorPage namespace="shop" kind="AuthorizationPolicy" name="payments-allow" />,
    );
    await screen.findByRole('button', { name: 'Apply' });
    typeIntoEditor('YAML of AuthorizationPolicy payments-allow', '# note\n');
    expect(
      (await within(panel()).findByText(/No observed traffic changes verdict/)).textContent,
    ).toBe(
      "✓ No observed traffic changes verdict: the 3 observed edges into the policy's workloads keep theirs.",
    );
  });

  it('shows why the preview failed', async () => {
    cluster(() => ({
      status: 422,
      body: { title: 'Invalid', detail: 'spec.action: must be ALLOW, DENY, AUDIT or CUSTOM' },
    }));
    renderWithQueries(
      <IstioEditorPage namespace="shop" kind="AuthorizationPolicy" name="payments-allow" />,
    );
    await screen.findByRole('button', { name: 'Apply' });
    typeIntoEditor('YAML of AuthorizationPolicy payments-allow', '  action: NOPE\n');
    expect((await within(panel()).findByRole('alert')).textContent).toBe(
      'Could not preview the change: spec.action: must be ALLOW, DENY, AUDIT or CUSTOM',
    );
  });

  it('previews a new policy from its template at once', async () => {
    const sent = cluster(() => ({ body: { changes: [], unchanged: 0 } }));
    renderWithQueries(<NewObjectPage />);
    expect(
      (await within(panel()).findByText(/No observed traffic changes verdict/)).textContent,
    ).toContain('no traffic into the policy’s workloads was observed');
    const preview = sent.find((r) => r.url === PREVIEW);
    expect((preview?.body as { yaml: string }).yaml).toContain('kind: AuthorizationPolicy');
  });
});
