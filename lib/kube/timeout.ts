import 'server-only';
import * as k8s from '@kubernetes/client-node';
import { UpstreamTimeoutError } from '@/lib/errors';

/** "2", "0.3": seconds as a person reads them in a message. */
export function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/**
 * What a person is told when a call went unanswered. A write the API server received may have been
 * stored before it stalled, so only a read or a dry run can promise that nothing changed.
 */
export function timeoutDetail(method: string, url: string, timeoutMs: number): string {
  const base = `The Kubernetes API did not answer within ${seconds(timeoutMs)} s`;
  if (method === 'GET' || method === 'HEAD') return `${base}.`;
  if (new URL(url).searchParams.get('dryRun') === 'All')
    return `${base}; this was a dry run, so nothing was changed. Try again.`;
  return `${base}; the change may or may not have been made. Reload to see the current state before trying again.`;
}

/**
 * The client's HTTP library with every request bounded by `timeoutMs`, reading the body included.
 * client-node 1.4 has no timeout of its own; its fetch honours the request's AbortSignal, and an
 * abort is turned into UpstreamTimeoutError here, where the method and URL are still known.
 */
export function withTimeout(inner: k8s.HttpLibrary, timeoutMs: number): k8s.HttpLibrary {
  return k8s.wrapHttpLibrary({
    async send(request) {
      const signal = AbortSignal.timeout(timeoutMs);
      request.setSignal(signal);
      const timedOut = (err: unknown): never => {
        if (!signal.aborted) throw err;
        throw new UpstreamTimeoutError(
          'kubernetes',
          timeoutDetail(request.getHttpMethod(), request.getUrl(), timeoutMs),
          { cause: err },
        );
      };
      const response = await inner.send(request).toPromise().catch(timedOut);
      return new k8s.ResponseContext(response.httpStatusCode, response.headers, {
        text: () => response.body.text().catch(timedOut),
        binary: () => response.body.binary().catch(timedOut),
      });
    },
  });
}
