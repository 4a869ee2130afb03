import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { afterEach, expect, it } from 'vitest';
import { writeKubeconfig } from './kubeconfig';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('writes a kubeconfig that client-node loads with TLS verification skipped', () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-'));
  const file = path.join(dir, 'config');
  writeKubeconfig(file, 'http://127.0.0.1:12345', 'sa-token');
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(file);
  expect(kc.getCurrentCluster()).toMatchObject({
    server: 'http://127.0.0.1:12345',
    skipTLSVerify: true,
  });
  expect(kc.getCurrentUser()?.token).toBe('sa-token');
});
