import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';

/** One request a component sent to /api, as the fake server saw it. */
export interface SentRequest {
  readonly method: string;
  /** Path and query string, e.g. `/api/traffic/shop/reviews?dryRun=true`. */
  readonly url: string;
  readonly body: unknown;
}

/** What the fake server answers: a JSON body, or a problem+json with a status of 400 or more. */
export interface FakeAnswer {
  readonly status?: number;
  readonly body: unknown;
}

/**
 * Replaces `fetch` with a handler, so tests stand at the same boundary as the app: lib/client's
 * hooks run for real and only the HTTP answer is made up. Returns the list of requests sent.
 */
export function fakeApi(answer: (request: SentRequest) => FakeAnswer): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request = {
      method: init?.method ?? 'GET',
      url,
      body: text === undefined ? undefined : JSON.parse(text),
    };
    sent.push(request);
    const { status = 200, body } = answer(request);
    return new Response(JSON.stringify(body), {
      status,
      headers: {
        'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      },
    });
  });
  return sent;
}

/** Renders with a fresh react-query cache that does not retry, so a refused request shows at once. */
export function renderWithQueries(ui: ReactElement): RenderResult {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}
