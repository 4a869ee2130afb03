/**
 * versionedApp graphs group the versions of one app in a box, as Kiali does, but only when there is
 * more than one version: a box around a single node is noise. The box takes the app graph's node id,
 * so switching graph types keeps the app where it was.
 */
import { worstHealth } from '../health/health';
import type { MeshNode } from '../types';
import { appId, inCluster } from './node-ids';

/** One box per app and cluster: the app graph's node of the app in that cluster. */
function boxOf(n: MeshNode): string | undefined {
  return n.id.startsWith('ver:') && n.app !== undefined
    ? inCluster(appId(n.namespace, n.app), n.cluster)
    : undefined;
}

export function withAppBoxes(nodes: readonly MeshNode[]): MeshNode[] {
  const members = new Map<string, MeshNode[]>();
  for (const n of nodes) {
    const box = boxOf(n);
    if (box === undefined) continue;
    const list = members.get(box);
    if (list === undefined) members.set(box, [n]);
    else list.push(n);
  }
  const out: MeshNode[] = [];
  for (const n of nodes) {
    const box = boxOf(n);
    out.push(box !== undefined && (members.get(box)?.length ?? 0) > 1 ? { ...n, parent: box } : n);
  }
  for (const [id, versions] of members) {
    const first = versions[0];
    if (versions.length < 2 || first === undefined) continue;
    let rps = 0;
    let failed = 0;
    for (const v of versions) {
      rps += v.rps;
      failed += v.rps * v.errorRate;
    }
    out.push({
      id,
      kind: 'app',
      namespace: first.namespace,
      name: first.name,
      app: first.app,
      ...(first.cluster !== undefined && { cluster: first.cluster }),
      isBox: true,
      ...(first.outside === true ? { outside: true } : {}),
      health: worstHealth(...versions.map((v) => v.health)),
      rps,
      errorRate: rps > 0 ? failed / rps : 0,
    });
  }
  return out;
}
