import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '@/lib/errors';
import { createKubeClient, loadKubeConfig } from './client';

const dir = mkdtempSync(path.join(tmpdir(), 'meshlens-kubeconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kubeconfig(name: string, server: string): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{name: demo, cluster: {server: "${server}", insecure-skip-tls-verify: true}}]`,
      'users: [{name: demo, user: {token: demo-token}}]',
      'contexts: [{name: demo, context: {cluster: demo, user: demo}}]',
      'current-context: demo',
    ].join('\n'),
  );
  return file;
}

describe('loadKubeConfig', () => {
  it('loads a KUBECONFIG file and exposes the redacted server', () => {
    const file = kubeconfig('a.yaml', 'http://admin:pw@127.0.0.1:18080');
    const client = createKubeClient(loadKubeConfig({ kind: 'file', path: file }));
    expect(client.server).toBe('http://127.0.0.1:18080');
    expect(client.kc.getCurrentCluster()?.skipTLSVerify).toBe(true);
  });

  it('merges a KUBECONFIG list, the first file winning', () => {
    const first = kubeconfig('first.yaml', 'http://127.0.0.1:1111');
    const second = path.join(dir, 'second.yaml');
    writeFileSync(
      second,
      'apiVersion: v1\nkind: Config\nclusters: [{name: other, cluster: {server: "http://127.0.0.1:2222"}}]\n',
    );
    const kc = loadKubeConfig({ kind: 'file', path: `${first}${path.delimiter}${second}` });
    expect(kc.getCurrentCluster()?.server).toBe('http://127.0.0.1:1111');
    expect(kc.getClusters().map((c) => c.name)).toEqual(['demo', 'other']);
  });

  it('names the file it cannot load', () => {
    const missing = path.join(dir, 'missing.yaml');
    expect(() => loadKubeConfig({ kind: 'file', path: missing })).toThrow(UpstreamUnavailableError);
    expect(() => loadKubeConfig({ kind: 'file', path: missing })).toThrow(
      `Cannot load KUBECONFIG '${missing}'`,
    );
  });
});
