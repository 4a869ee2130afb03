import { cleanup, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthStrategy, SessionResponse } from '@/lib/api/session';
import { fakeApi, renderWithQueries } from '@/components/testing/fake-api';
import { useSessionQuery } from '@/lib/client/use-session';
import { UserIndicator } from './user-indicator';

function session(user: string, strategy: AuthStrategy): SessionResponse {
  return { user, groups: ['bookinfo-team'], strategy, namespaces: ['bookinfo'], can: {} };
}

/** The server's GET /api/session answers `body`. */
function serve(body: SessionResponse): void {
  fakeApi((request) => {
    if (request.url === '/api/session') return { body };
    return { status: 404, body: { detail: `no fake for ${request.url}` } };
  });
}

/** Shares the indicator's query cache and says when the session has arrived, so "nothing" is not just "not yet". */
function SessionLoaded(): ReactNode {
  const { data } = useSessionQuery();
  return data ? <p>session: {data.user}</p> : null;
}

describe('UserIndicator', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows who is signed in with a token, groups in the tooltip, and Sign out', async () => {
    serve(session('bookinfo-editor', 'token'));
    renderWithQueries(<UserIndicator />);
    const who = await screen.findByTestId('signed-in-user');
    expect(who.textContent).toBe('Signed in as bookinfo-editor');
    expect(who.getAttribute('title')).toBe('Groups: bookinfo-team');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('names the user the proxy sent, with no Sign out (the proxy owns the session)', async () => {
    serve(session('viewer', 'header'));
    renderWithQueries(<UserIndicator />);
    expect((await screen.findByTestId('signed-in-user')).textContent).toBe('Signed in as viewer');
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('shows nothing for anonymous', async () => {
    serve(session('anonymous', 'anonymous'));
    renderWithQueries(
      <>
        <div data-testid="indicator">
          <UserIndicator />
        </div>
        <SessionLoaded />
      </>,
    );
    await screen.findByText('session: anonymous');
    expect(screen.getByTestId('indicator').textContent).toBe('');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
