import { EditorView } from '@codemirror/view';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  fakeApi,
  renderWithQueries,
  type FakeAnswer,
  type SentRequest,
} from '@/components/testing/fake-api';
import {
  FAKE_READ_ONLY_REASON,
  fakeSession,
  type FakeWrites,
} from '@/components/testing/fake-session';
import { stubRangeLayout } from '@/components/testing/jsdom-layout';
import { IstioEditorPage } from './editor-page';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: vi.fn() }) }));

const LIVE =
  'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n';
const OBJECT = '/api/istio/shop/virtualservices/reviews';

const doc = {
  kind: 'VirtualService',
  namespace: 'shop',
  name: 'reviews',
  resourceVersion: '7',
  yaml: LIVE,
  object: {},
  validations: [],
  access: { update: true, delete: true },
};

/** The cluster's side: the object, the session, the checks; writes go to `write`. */
function cluster(
  writes: FakeWrites,
  write: (request: SentRequest) => FakeAnswer = () => ({
    body: { kind: 'VirtualService', namespace: 'shop', name: 'reviews', resourceVersion: '8' },
  }),
): SentRequest[] {
  return fakeApi((request) => {
    if (request.url === '/api/session') return { body: fakeSession(writes, ['shop']) };
    if (request.url === '/api/istio/validate') return { body: { validations: [] } };
    if (request.method === 'GET' && request.url === OBJECT) {
      const allowed = writes === 'all';
      return { body: { ...doc, access: { update: allowed, delete: allowed } } };
    }
    return write(request);
  });
}

/**
 * jsdom has no layout, so CodeMirror cannot turn key presses into edits there; the change goes in
 * through the editor found from the labelled text box, as typing would put it.
 */
function typeIntoEditor(label: string, text: string): void {
  const view = EditorView.findFromDOM(screen.getByRole('textbox', { name: label }));
  if (!view) throw new Error(`no editor labelled ${label}`);
  act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: text } }));
}

const writes = (sent: readonly SentRequest[]): string[] =>
  sent.filter((r) => r.method !== 'GET' && r.url !== '/api/istio/validate').map((r) => r.url);

describe('IstioEditorPage', () => {
  beforeAll(stubRangeLayout);
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('applies an edit with a dry run first and names the new resourceVersion', async () => {
    const user = userEvent.setup();
    const sent = cluster('all');
    renderWithQueries(<IstioEditorPage namespace="shop" kind="VirtualService" name="reviews" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('VirtualService reviews');
    const apply = await screen.findByRole('button', { name: 'Apply' });
    expect(apply).toHaveProperty('disabled', true);

    typeIntoEditor('YAML of VirtualService reviews', '  namespace: shop\n');
    expect(screen.getByRole('button', { name: 'Discard changes' })).toHaveProperty(
      'disabled',
      false,
    );
    await user.click(apply);
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Applied. VirtualService reviews is now at resourceVersion 8.');
    expect(writes(sent)).toEqual([`${OBJECT}?dryRun=true`, OBJECT]);
    expect(sent.find((r) => r.url === OBJECT && r.method === 'PUT')?.body).toMatchObject({
      yaml: `${LIVE}  namespace: shop\n`,
      resourceVersion: '7',
    });
  });

  it('writes nothing on a 409, shows their change and re-applies on top of it', async () => {
    const user = userEvent.setup();
    const sent = cluster('all', (request) =>
      (request.body as { resourceVersion: string }).resourceVersion === '7'
        ? {
            status: 409,
            body: {
              title: 'Conflict',
              detail: 'the object has been modified',
              current: { resourceVersion: '9', yaml: `${LIVE}  labels: {team: a}\n` },
            },
          }
        : {
            body: {
              kind: 'VirtualService',
              namespace: 'shop',
              name: 'reviews',
              resourceVersion: '10',
            },
          },
    );
    renderWithQueries(<IstioEditorPage namespace="shop" kind="VirtualService" name="reviews" />);
    await screen.findByRole('button', { name: 'Apply' });
    typeIntoEditor('YAML of VirtualService reviews', '  namespace: shop\n');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    expect(await screen.findByText('Someone changed reviews while you were editing')).toBeTruthy();
    expect(writes(sent)).toEqual([`${OBJECT}?dryRun=true`]);
    await user.click(screen.getByRole('button', { name: 'Re-apply my version on top of theirs' }));
    expect((await screen.findByRole('status')).textContent).toContain('resourceVersion 10');
    expect(writes(sent).slice(1)).toEqual([`${OBJECT}?dryRun=true`, OBJECT]);
  });

  it('shows the refusal of the dry run and writes nothing', async () => {
    const user = userEvent.setup();
    const sent = cluster('all', () => ({
      status: 422,
      body: { title: 'Invalid', detail: 'spec.http[0].route: Required value' },
    }));
    renderWithQueries(<IstioEditorPage namespace="shop" kind="VirtualService" name="reviews" />);
    await screen.findByRole('button', { name: 'Apply' });
    typeIntoEditor('YAML of VirtualService reviews', 'spec: {}\n');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'spec.http[0].route: Required value',
    );
    expect(writes(sent)).toEqual([`${OBJECT}?dryRun=true`]);
  });

  it('offers no write controls when Meshlens runs read-only, and says so', async () => {
    cluster('read-only');
    renderWithQueries(<IstioEditorPage namespace="shop" kind="VirtualService" name="reviews" />);
    expect((await screen.findByTestId('write-denied')).textContent).toContain(
      FAKE_READ_ONLY_REASON,
    );
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
  });

  it('offers no write controls when RBAC forbids the update, naming the user and object', async () => {
    cluster('none');
    renderWithQueries(<IstioEditorPage namespace="shop" kind="VirtualService" name="reviews" />);
    expect((await screen.findByTestId('write-denied')).textContent).toBe(
      'Your Kubernetes permissions (signed in as alice) do not let you update VirtualService reviews in shop. The YAML is shown read-only.',
    );
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
  });

  it('hides Delete alone when the person may update but not delete', async () => {
    fakeApi((request) => {
      if (request.url === '/api/session') return { body: fakeSession('all', ['shop']) };
      if (request.url === '/api/istio/validate') return { body: { validations: [] } };
      return { body: { ...doc, access: { update: true, delete: false } } };
    });
    renderWithQueries(<IstioEditorPage namespace="shop" kind="VirtualService" name="reviews" />);
    expect(await screen.findByRole('button', { name: 'Apply' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(screen.getByTestId('delete-denied').textContent).toContain(
      'do not let you delete VirtualService reviews in shop',
    );
  });

  it('says why the object could not be loaded', async () => {
    fakeApi((request) =>
      request.url === OBJECT
        ? {
            status: 404,
            body: { title: 'Not found', detail: 'VirtualService shop/reviews not found' },
          }
        : { body: { readOnly: false, sources: {} } },
    );
    renderWithQueries(<IstioEditorPage namespace="shop" kind="VirtualService" name="reviews" />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'VirtualService shop/reviews not found',
    );
  });
});
