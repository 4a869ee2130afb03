import fs from 'node:fs';
import { stringify } from 'yaml';

/**
 * Writes an ordinary kubeconfig for the demo API server, acting with the given bearer token (Meshlens'
 * service account). The server speaks plain HTTP, which @kubernetes/client-node only accepts with
 * insecure-skip-tls-verify set.
 */
export function writeKubeconfig(path: string, serverUrl: string, token: string): void {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'meshlens-demo', cluster: { server: serverUrl, 'insecure-skip-tls-verify': true } },
    ],
    users: [{ name: 'meshlens-demo', user: { token } }],
    contexts: [
      {
        name: 'meshlens-demo',
        context: { cluster: 'meshlens-demo', user: 'meshlens-demo', namespace: 'default' },
      },
    ],
    'current-context': 'meshlens-demo',
    preferences: {},
  };
  fs.writeFileSync(path, stringify(config), { mode: 0o600 });
}
