import 'server-only';
import * as k8s from '@kubernetes/client-node';
import type { KubeClient } from './client';
import { withTimeout } from './timeout';

/**
 * Kubernetes' server-side table of a list: only its columns, no object when asked with
 * `includeObject=None`. Secrets are read so, so that their data never reaches Meshlens.
 */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io';

/**
 * One bounded GET with the client's credentials, for what the typed API has no call for: a list as a
 * Table, API discovery. A status ≥ 300 throws ApiException{code}, as the typed calls do.
 */
export async function rawGet(
  client: KubeClient,
  path: string,
  accept = 'application/json',
): Promise<unknown> {
  const server = client.kc.getCurrentCluster()?.server ?? '';
  const request = new k8s.RequestContext(`${server}${path}`, k8s.HttpMethod.GET);
  request.setHeaderParam('Accept', accept);
  await client.kc.applySecurityAuthentication(request);
  const http = withTimeout(new k8s.IsomorphicFetchHttpLibrary(), client.timeoutMs);
  const response = await http.send(request).toPromise();
  const text = await response.body.text();
  if (response.httpStatusCode >= 300)
    throw new k8s.ApiException(response.httpStatusCode, `GET ${path}`, text, response.headers);
  return JSON.parse(text) as unknown;
}
