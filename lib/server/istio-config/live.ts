import 'server-only';
import type { KubeClient } from '@/lib/kube/client';
import type { IstioKind } from '@/lib/kube/resources';
import { manifestYaml } from '@/lib/mesh/istio/yaml';
import { isRecord } from '@/lib/mesh/istio/read';
import { fetchLiveIstioObject } from '../live-istio';

export interface LiveObject {
  readonly raw: Record<string, unknown>;
  readonly resourceVersion: string;
  readonly yaml: string;
}

/** The live object with its YAML, for the editor (see fetchLiveIstioObject for why live). */
export async function readLive(
  kind: IstioKind,
  namespace: string,
  name: string,
  client?: KubeClient,
): Promise<LiveObject> {
  const raw = await fetchLiveIstioObject(kind, namespace, name, client);
  const record = isRecord(raw) ? raw : {};
  const meta = isRecord(record.metadata) ? record.metadata : {};
  return {
    raw: record,
    resourceVersion: typeof meta.resourceVersion === 'string' ? meta.resourceVersion : '',
    yaml: manifestYaml(record),
  };
}
