import type http from 'node:http';
import * as k8s from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '@/lib/errors';
import { createKubeClient } from './client';
import { informerSetOn, openWatch, sendJson, serveFakeKubeApi } from './fake-kube-api';
import { createInformerSet, type InformerSet } from './informers';

interface FakeApi {
  readonly url: string;
  /** Sends a watch event to every open namespaces watch. */
  emit(type: 'ADDED' | 'MODIFIED' | 'DELETED', name: string): void;
  failNextLists(n: number): void;
  readonly watches: () => number;
  /** Query strings of the watch requests so far. */
  readonly watchQueries: URLSearchParams[];
  /** Sends a BOOKMARK to every open watch, as the API server does when bookmarks are allowed. */
  bookmark(): void;
  close(): Promise<void>;
}

/** Namespaces list + watch, everything else 404: the smallest API server an informer can sync from. */
async function fakeApi(initial: readonly string[]): Promise<FakeApi> {
  let rv = 10;
  let failures = 0;
  const names = new Set(initial);
  const open = new Set<http.ServerResponse>();
  const watchQueries: URLSearchParams[] = [];
  const ns = (name: string): object => ({
    metadata: { name, resourceVersion: String(rv), labels: { team: 'a' } },
  });
  const server = await serveFakeKubeApi((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.endsWith('/telemetries')) {
      sendJson(res, 403, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'Forbidden',
        code: 403,
        message: 'telemetries.telemetry.istio.io is forbidden',
      });
      return;
    }
    if (url.pathname !== '/api/v1/namespaces') {
      sendJson(res, 404, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'NotFound',
        code: 404,
        message: 'the server could not find the requested resource',
      });
      return;
    }
    if (url.searchParams.get('watch') === 'true') {
      watchQueries.push(url.searchParams);
      openWatch(res);
      open.add(res);
      res.on('close', () => open.delete(res));
      return;
    }
    if (failures > 0) {
      failures--;
      sendJson(res, 500, {
        kind: 'Status',
        status: 'Failure',
        reason: 'InternalError',
        code: 500,
        message: 'etcd is sad',
      });
      return;
    }
    sendJson(res, 200, {
      kind: 'NamespaceList',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(rv) },
      items: [...names].map(ns),
    });
  });
  return {
    url: server.url,
    emit(type, name) {
      rv++;
      if (type === 'DELETED') names.delete(name);
      else names.add(name);
      for (const res of open) res.write(`${JSON.stringify({ type, object: ns(name) })}\n`);
    },
    failNextLists(n) {
      failures = n;
    },
    watches: () => open.size,
    watchQueries,
    bookmark() {
      const object = {
        kind: 'Namespace',
        apiVersion: 'v1',
        metadata: { resourceVersion: String(rv) },
      };
      for (const res of open) res.write(`${JSON.stringify({ type: 'BOOKMARK', object })}\n`);
    },
    close: () => server.close(),
  };
}

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(initial: readonly string[]): Promise<{ api: FakeApi; set: InformerSet }> {
  const api = await fakeApi(initial);
  cleanups.push(() => api.close());
  const set = informerSetOn(api.url, {
    resources: ['namespaces', 'virtualservices'],
    initialBackoffMs: 20,
    maxBackoffMs: 50,
  });
  cleanups.push(() => set.stop());
  return { api, set };
}

describe('createInformerSet', () => {
  it('syncs the initial list and treats an uninstalled CRD as empty', async () => {
    const { set } = await setup(['bookinfo', 'default']);
    await set.ready(3000);
    expect(
      set
        .list('namespaces')
        .map((o) => o.metadata?.name)
        .sort(),
    ).toEqual(['bookinfo', 'default']);
    expect(set.list('virtualservices')).toEqual([]);
    const state = set.state();
    expect(state.ok).toBe(true);
    expect(state.resources.virtualservices).toMatchObject({ synced: true, missing: true });
    expect(state.lastSync).toEqual(expect.any(Number));
  });

  it('does not wait for an optional kind it may not read, and says so', async () => {
    const api = await fakeApi(['bookinfo']);
    cleanups.push(() => api.close());
    const set = informerSetOn(api.url, {
      resources: ['namespaces', 'telemetries'],
      initialBackoffMs: 20,
      maxBackoffMs: 50,
    });
    cleanups.push(() => set.stop());
    await set.ready(3000);
    expect(set.list('telemetries')).toEqual([]);
    expect(set.state().resources.telemetries).toMatchObject({
      synced: true,
      error: expect.stringMatching(/forbidden/),
    });
    expect(set.state().ok).toBe(false);
  });

  it('follows watch events, telling listeners what changed', async () => {
    const { api, set } = await setup(['default']);
    await set.ready(3000);
    await until(() => api.watches() === 1);
    const before = set.revision();
    const heard: string[] = [];
    set.onChange('namespaces', (e) => heard.push(`${e.type} ${e.object.metadata?.name ?? ''}`));
    api.emit('ADDED', 'shop');
    await until(() => set.list('namespaces').length === 2);
    api.emit('DELETED', 'default');
    await until(() => set.list('namespaces').length === 1);
    expect(set.list('namespaces')[0]?.metadata?.name).toBe('shop');
    expect(set.revision()).toBeGreaterThan(before);
    expect(heard).toEqual(['add shop', 'delete default']);
  });

  it('retries a failed list with backoff and reports the error meanwhile', async () => {
    const api = await fakeApi(['default']);
    cleanups.push(() => api.close());
    api.failNextLists(2);
    const set = informerSetOn(api.url, {
      resources: ['namespaces'],
      initialBackoffMs: 100,
    });
    cleanups.push(() => set.stop());
    await until(() => set.state().error !== undefined);
    expect(set.state()).toMatchObject({ ok: false, error: 'namespaces: etcd is sad' });
    await set.ready(3000);
    expect(set.state().ok).toBe(true);
    expect(set.state().error).toBeUndefined();
  });

  it('ready() times out with UpstreamUnavailableError when the API is down', async () => {
    const api = await fakeApi([]);
    await api.close();
    const set = informerSetOn(api.url, {
      resources: ['namespaces'],
      initialBackoffMs: 20,
    });
    cleanups.push(() => set.stop());
    const err = await set.ready(300).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamUnavailableError);
    expect((err as Error).message).toMatch(
      /did not deliver namespaces within 300 ms: namespaces: .*ECONNREFUSED/,
    );
    expect(set.state().ok).toBe(false);
  });
});

describe('watch heartbeat', () => {
  async function watching(silenceMs: number): Promise<{ api: FakeApi; set: InformerSet }> {
    const api = await fakeApi(['default']);
    cleanups.push(() => api.close());
    const set = informerSetOn(api.url, {
      resources: ['namespaces'],
      initialBackoffMs: 5_000,
      watchTimeoutSeconds: 30,
      watchSilenceMs: silenceMs,
    });
    cleanups.push(() => set.stop());
    await set.ready(3000);
    await until(() => api.watches() === 1);
    return { api, set };
  }

  it('asks for bookmarks and a server-side timeout, so a healthy watch is never silent for long', async () => {
    const { api } = await watching(10_000);
    expect(api.watchQueries[0]?.get('allowWatchBookmarks')).toBe('true');
    expect(api.watchQueries[0]?.get('timeoutSeconds')).toBe('30');
  });

  it('stays fresh while bookmarks arrive', async () => {
    // Bookmarks ten times as often as the silence allowed, for longer than it, so a loaded machine's
    // late timers cannot make a healthy watch look silent.
    const { api, set } = await watching(1_000);
    for (let i = 0; i < 12; i++) {
      await new Promise((r) => setTimeout(r, 100));
      api.bookmark();
    }
    expect(set.state()).toMatchObject({ ok: true, stale: false });
  });

  it('calls a silent watch dead and the cache stale, saying so', async () => {
    const { set } = await watching(300);
    await until(() => set.state().stale);
    const state = set.state();
    expect(state.ok).toBe(false);
    expect(state.error).toMatch(
      /namespaces: the watch heard nothing, not even a bookmark, for 0.3 s/,
    );
    expect(set.list('namespaces')).toHaveLength(1);
  });
});

describe('createInformerSet with a refused TLS setting', () => {
  it('reports the configuration error instead of throwing', async () => {
    const kc = new k8s.KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: 'http://127.0.0.1:9', skipTLSVerify: false }],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    const set = createInformerSet(createKubeClient(kc), {
      resources: ['namespaces'],
      initialBackoffMs: 1000,
    });
    cleanups.push(() => set.stop());
    await until(() => set.state().error !== undefined);
    expect(set.state().error).toContain(
      'HTTP protocol is not allowed when skipTLSVerify is not set',
    );
  });
});
