import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as k8s from '@kubernetes/client-node';
import { createKubeClient, type KubeClient } from './client';
import { createInformerSet, type InformerSet, type InformerSetOptions } from './informers';

/**
 * Test helper for the informer tests: each writes the few API routes it needs as a handler, and this
 * serves it on 127.0.0.1 and points a real client at it, so the client's own wire handling is tested.
 */
export interface FakeKubeServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveFakeKubeApi(handler: http.RequestListener): Promise<FakeKubeServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Open watches would keep close() waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: http.ServerResponse, code: number, body: object): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A watch that stays open: the caller writes events to it, or never does. */
export function openWatch(res: http.ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.flushHeaders();
}

/** A real client pointed at the fake server at `url`. */
export function fakeClientOn(url: string): KubeClient {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'fake', server: url, skipTLSVerify: true }],
    users: [{ name: 'fake', token: 'fake-token' }],
    contexts: [{ name: 'fake', cluster: 'fake', user: 'fake' }],
    currentContext: 'fake',
  });
  return createKubeClient(kc);
}

/** The informer set the tests run, against the fake server at `url`. */
export function informerSetOn(url: string, options: InformerSetOptions): InformerSet {
  return createInformerSet(fakeClientOn(url), options);
}
