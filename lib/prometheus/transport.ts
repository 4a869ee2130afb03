import 'server-only';
import http from 'node:http';
import https from 'node:https';

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/** Sends one request; rejects only when no HTTP response arrived (refused, reset, timed out). */
export type HttpTransport = (req: HttpRequest) => Promise<HttpResponse>;

export const fetchTransport: HttpTransport = async (req) => {
  const res = await fetch(req.url, {
    method: req.method,
    headers: req.headers,
    ...(req.body !== undefined && { body: req.body }),
    signal: AbortSignal.timeout(req.timeoutMs),
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
};

/**
 * node:https with a custom CA. Node 20's global fetch only takes a CA through an undici dispatcher,
 * and undici is not a dependency of ours, so a private CA goes through the classic client instead.
 */
export function caTransport(ca: string): HttpTransport {
  return (req) =>
    new Promise((resolve, reject) => {
      const options = {
        method: req.method,
        headers: req.headers,
        signal: AbortSignal.timeout(req.timeoutMs),
      };
      const onResponse = (res: http.IncomingMessage): void => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'] ?? '',
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      };
      const request =
        req.url.protocol === 'https:'
          ? https.request(req.url, { ...options, ca }, onResponse)
          : http.request(req.url, options, onResponse);
      request.on('error', reject);
      request.end(req.body);
    });
}

export function transportFor(config: { readonly ca?: string }): HttpTransport {
  return config.ca === undefined ? fetchTransport : caTransport(config.ca);
}
