/** A failed /api call, as the page shows it: the problem+json detail, or what went wrong on the way. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly type: string = 'about:blank',
    readonly body: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function toProblem(res: Response): Promise<ApiProblem> {
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy or a crashed server can answer with HTML; the status line is all we have then.
  }
  if (isRecord(body)) {
    const title = typeof body.title === 'string' ? body.title : res.statusText;
    const detail = typeof body.detail === 'string' ? body.detail : title;
    const type = typeof body.type === 'string' ? body.type : 'about:blank';
    return new ApiProblem(res.status, title, detail, type, body);
  }
  return new ApiProblem(
    res.status,
    res.statusText,
    `The server answered ${res.status} ${res.statusText}`,
  );
}

export interface ApiFetchOptions {
  readonly method?: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

/**
 * Fetches a Meshlens API path and returns its JSON, or throws an ApiProblem. Writes carry the CSRF header
 * the server demands of every write, and bodies are declared as JSON, without which the server answers 415.
 */
export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-meshlens-csrf'] = '1';
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      cache: 'no-store',
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiProblem(
      0,
      'Meshlens unreachable',
      'The Meshlens server did not answer. Is it running?',
    );
  }
  if (!res.ok) throw await toProblem(res);
  return (await res.json()) as T;
}
