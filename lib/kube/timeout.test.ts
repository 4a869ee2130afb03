import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamTimeoutError } from '@/lib/errors';
import { createKubeClient } from './client';
import { createIstioWriter } from './istio-write';
import { timeoutDetail } from './timeout';

// An API server that takes requests and never answers them, or sends headers and then stalls.
let server: http.Server;
let url = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url?.startsWith('/version')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(timeoutMs: number): ReturnType<typeof createKubeClient> {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return createKubeClient(kc, timeoutMs);
}

const VS = { group: 'networking.istio.io', version: 'v1', plural: 'virtualservices' };

describe('Kubernetes call timeouts', () => {
  it('ends a read the API server never answers, saying after how long', async () => {
    const started = Date.now();
    const call = client(300).custom.getNamespacedCustomObject({
      ...VS,
      namespace: 'bookinfo',
      name: 'reviews',
    });
    await expect(call).rejects.toThrow(UpstreamTimeoutError);
    await expect(call).rejects.toThrow('The Kubernetes API did not answer within 0.3 s.');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('bounds reading the body too: headers then silence is still a timeout', async () => {
    await expect(client(300).probe()).rejects.toThrow(UpstreamTimeoutError);
  });

  it('tells that a write that timed out may have been made, and a dry run that nothing was', async () => {
    const writer = createIstioWriter(client(300).custom);
    const patch = { spec: { http: [] } };
    await expect(writer.mergePatch('VirtualService', 'bookinfo', 'reviews', patch)).rejects.toThrow(
      /the change may or may not have been made/,
    );
    await expect(
      writer.mergePatch('VirtualService', 'bookinfo', 'reviews', patch, { dryRun: true }),
    ).rejects.toThrow(/this was a dry run, so nothing was changed/);
  });

  it('gives every request its own deadline', async () => {
    const c = client(200);
    await expect(c.core.listNamespace()).rejects.toThrow(UpstreamTimeoutError);
    await expect(c.core.listNamespace()).rejects.toThrow(UpstreamTimeoutError);
  });
});

describe('timeoutDetail', () => {
  it.each([
    ['GET', 'http://k/api/v1/pods', 'The Kubernetes API did not answer within 10 s.'],
    ['DELETE', 'http://k/apis/x?dryRun=All', 'dry run, so nothing was changed'],
    ['PUT', 'http://k/apis/x', 'may or may not have been made. Reload'],
  ])('%s %s', (method, target, expected) => {
    expect(timeoutDetail(method, target, 10_000)).toContain(expected);
  });
});
