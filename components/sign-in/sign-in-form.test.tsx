import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries, type SentRequest } from '@/components/testing/fake-api';
import { SignInForm } from './sign-in-form';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.revoked-token';
const REFUSED =
  'The Kubernetes API server did not accept this token (TokenReview: not authenticated).';

/** The server refuses every sign-in with the 401 problem it sends for a bad token. */
function refusingServer(): SentRequest[] {
  return fakeApi(() => ({
    status: 401,
    body: { type: 'unauthenticated', title: 'Sign-in required', status: 401, detail: REFUSED },
  }));
}

/** Every value the page scripts could read back from web storage. */
function storedValues(): string[] {
  return [localStorage, sessionStorage].flatMap((storage) =>
    Array.from({ length: storage.length }, (_, i) => {
      const key = storage.key(i) ?? '';
      return `${key}=${storage.getItem(key) ?? ''}`;
    }),
  );
}

describe('SignInForm', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('asks for the token in a labelled, hidden field; Sign in waits for one', async () => {
    const user = userEvent.setup();
    refusingServer();
    renderWithQueries(<SignInForm next="/" strategy="token" />);
    const field = screen.getByLabelText('Kubernetes bearer token');
    expect(field).toHaveProperty('type', 'password');
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button).toHaveProperty('disabled', true);
    await user.type(field, TOKEN);
    expect(button).toHaveProperty('disabled', false);
  });

  it('shows the detail of the server’s 401 and keeps the token out of web storage', async () => {
    const user = userEvent.setup();
    const sent = refusingServer();
    renderWithQueries(<SignInForm next="/graph" strategy="token" />);
    const field = screen.getByLabelText('Kubernetes bearer token');
    await user.type(field, TOKEN);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toBe(REFUSED);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([{ method: 'POST', url: '/api/session', body: { token: TOKEN } }]);
    expect(storedValues().filter((v) => v.includes(TOKEN))).toEqual([]);
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('has no form when the proxy or nobody signs people in', () => {
    renderWithQueries(<SignInForm next="/" strategy="header" />);
    expect(screen.queryByLabelText('Kubernetes bearer token')).toBeNull();
    expect(screen.getByText(/authenticating proxy in front of it/)).toBeTruthy();
  });
});
