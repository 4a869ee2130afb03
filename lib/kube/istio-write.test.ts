import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, InvalidError, NotFoundError } from '@/lib/errors';
import { createIstioWriter, type IstioWriter } from './istio-write';

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
  body: unknown;
}

const CONFLICT = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message:
    'Operation cannot be fulfilled on virtualservices.networking.istio.io "reviews": the object has been modified; please apply your changes to the latest version and try again',
  reason: 'Conflict',
  details: { name: 'reviews', group: 'networking.istio.io', kind: 'virtualservices' },
  code: 409,
};

const vs = (rv: string, spec: object = {}): Record<string, unknown> => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: rv },
  spec,
});

let seen: Seen[] = [];
let reply: (s: Seen) => { status: number; body: object } = () => ({ status: 200, body: vs('2') });
let server: http.Server;
let writer: IstioWriter;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const s: Seen = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        contentType: req.headers['content-type'],
        body: text ? JSON.parse(text) : undefined,
      };
      seen.push(s);
      const r = reply(s);
      res.writeHead(r.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(r.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'f',
        server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        skipTLSVerify: true,
      },
    ],
    users: [{ name: 'f', token: 't' }],
    contexts: [{ name: 'f', cluster: 'f', user: 'f' }],
    currentContext: 'f',
  });
  writer = createIstioWriter(kc.makeApiClient(k8s.CustomObjectsApi));
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

beforeEach(() => {
  seen = [];
  reply = () => ({ status: 200, body: vs('2') });
});

const PATH = '/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices';

describe('createIstioWriter', () => {
  it('sends a merge patch with its content type and dryRun=All', async () => {
    const patch = { metadata: { resourceVersion: '1' }, spec: { http: [] } };
    const obj = await writer.mergePatch('VirtualService', 'bookinfo', 'reviews', patch, {
      dryRun: true,
    });
    expect(seen[0]).toMatchObject({
      method: 'PATCH',
      path: `${PATH}/reviews`,
      contentType: 'application/merge-patch+json',
      body: patch,
    });
    expect(seen[0]?.query.get('dryRun')).toBe('All');
    expect(obj).toMatchObject({ kind: 'VirtualService', name: 'reviews', resourceVersion: '2' });
  });

  it('omits dryRun for a real write', async () => {
    await writer.mergePatch('VirtualService', 'bookinfo', 'reviews', { spec: {} });
    expect(seen[0]?.query.has('dryRun')).toBe(false);
  });

  it('turns a stale resourceVersion into ConflictError', async () => {
    reply = () => ({ status: 409, body: CONFLICT });
    const err = await writer
      .mergePatch('VirtualService', 'bookinfo', 'reviews', { metadata: { resourceVersion: '1' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as Error).message).toContain('the object has been modified');
  });

  it('creates and replaces with PUT/POST on the right paths', async () => {
    await writer.create('VirtualService', 'bookinfo', vs(''));
    await writer.replace('VirtualService', 'bookinfo', 'reviews', vs('1'));
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      `POST ${PATH}`,
      `PUT ${PATH}/reviews`,
    ]);
  });

  it('maps a 422 on create to InvalidError with field paths', async () => {
    reply = () => ({
      status: 422,
      body: {
        kind: 'Status',
        status: 'Failure',
        reason: 'Invalid',
        code: 422,
        message: 'VirtualService.networking.istio.io "reviews" is invalid',
        details: {
          causes: [
            {
              reason: 'FieldValueInvalid',
              field: 'spec.http[0].route[0].weight',
              message: 'Invalid value: -1',
            },
          ],
        },
      },
    });
    const err = await writer.create('VirtualService', 'bookinfo', vs('')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidError);
    expect((err as InvalidError).errors).toEqual([
      { path: 'spec.http[0].route[0].weight', message: 'Invalid value: -1' },
    ]);
  });

  it('deletes with a resourceVersion precondition and maps 404', async () => {
    reply = () => ({ status: 200, body: { kind: 'Status', status: 'Success', code: 200 } });
    await writer.delete('VirtualService', 'bookinfo', 'reviews', {
      resourceVersion: '7',
      dryRun: true,
    });
    expect(seen[0]).toMatchObject({
      method: 'DELETE',
      body: { preconditions: { resourceVersion: '7' } },
    });
    expect(seen[0]?.query.get('dryRun')).toBe('All');
    reply = () => ({
      status: 404,
      body: {
        kind: 'Status',
        status: 'Failure',
        reason: 'NotFound',
        code: 404,
        message: 'virtualservices.networking.istio.io "reviews" not found',
      },
    });
    await expect(writer.delete('VirtualService', 'bookinfo', 'reviews')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('writes a GatewayClass, which has no namespace, on cluster paths', async () => {
    const gc = (rv: string): Record<string, unknown> => ({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'GatewayClass',
      metadata: { name: 'istio', resourceVersion: rv },
      spec: { controllerName: 'istio.io/gateway-controller' },
    });
    reply = (s) => ({ status: 200, body: s.method === 'DELETE' ? {} : gc('3') });
    const created = await writer.create('GatewayClass', '', gc(''));
    await writer.replace('GatewayClass', '', 'istio', gc('3'));
    await writer.mergePatch('GatewayClass', '', 'istio', { spec: {} });
    await writer.delete('GatewayClass', '', 'istio', { resourceVersion: '3' });
    const GC = '/apis/gateway.networking.k8s.io/v1/gatewayclasses';
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      `POST ${GC}`,
      `PUT ${GC}/istio`,
      `PATCH ${GC}/istio`,
      `DELETE ${GC}/istio`,
    ]);
    expect(created).toMatchObject({ kind: 'GatewayClass', namespace: '', name: 'istio' });
  });

  it('writes a Gateway API Gateway as kind Gateway under its own group', async () => {
    reply = () => ({
      status: 200,
      body: {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: { name: 'waypoint', namespace: 'travel', resourceVersion: '4' },
        spec: { gatewayClassName: 'istio-waypoint' },
      },
    });
    const obj = await writer.create('K8sGateway', 'travel', {});
    expect(seen[0]?.path).toBe('/apis/gateway.networking.k8s.io/v1/namespaces/travel/gateways');
    expect(obj).toMatchObject({ kind: 'K8sGateway', namespace: 'travel', name: 'waypoint' });
  });
});
