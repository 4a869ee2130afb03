import 'server-only';
import type * as k8s from '@kubernetes/client-node';
import { userName, type Identity } from '@/lib/auth/identity';
import { getInformers } from '@/lib/kube/informers';
import { toIstioObject } from '@/lib/kube/istio-config';
import {
  RoutingChangeLog,
  type RoutingChange,
  type RoutingKind,
  type SeenObject,
} from '@/lib/mesh/traffic/routing-changes';
import type { IstioObject } from '@/lib/mesh/types';

const GLOBAL_KEY = Symbol.for('meshlens.routingChanges');

const isRoutingKind = (o: IstioObject): o is IstioObject & { readonly kind: RoutingKind } =>
  o.kind === 'VirtualService' ||
  o.kind === 'DestinationRule' ||
  o.kind === 'HTTPRoute' ||
  o.kind === 'GRPCRoute';

function seenObject(kind: RoutingKind, raw: k8s.KubernetesObject): SeenObject | undefined {
  const object = toIstioObject(kind, raw);
  if (object === undefined || !isRoutingKind(object)) return undefined;
  const { generation, creationTimestamp } = raw.metadata ?? {};
  // The watch hands over JSON, where the timestamp is still an RFC 3339 string.
  const createdAt =
    creationTimestamp === undefined ? NaN : new Date(creationTimestamp as Date | string).getTime();
  return {
    object,
    ...(typeof generation === 'number' && { generation }),
    ...(Number.isFinite(createdAt) && { createdAt }),
  };
}

/**
 * The process's routing change log, listening to the VirtualService, DestinationRule, HTTPRoute and GRPCRoute watches from
 * the moment it is first asked for: readCluster asks on the first request that reads the cluster.
 * Not from instrumentation.ts: that bundle has its own copies of the error classes, and a client it
 * made would throw errors the routes do not recognise as problems.
 */
export function routingChanges(): RoutingChangeLog {
  const store = globalThis as { [GLOBAL_KEY]?: RoutingChangeLog };
  if (store[GLOBAL_KEY] === undefined) {
    const log = new RoutingChangeLog(Date.now());
    const informers = getInformers();
    for (const [resource, kind] of [
      ['virtualservices', 'VirtualService'],
      ['destinationrules', 'DestinationRule'],
      ['httproutes', 'HTTPRoute'],
      ['grpcroutes', 'GRPCRoute'],
    ] as const) {
      const observe = (type: 'add' | 'update' | 'delete', raw: k8s.KubernetesObject): void => {
        const seen = seenObject(kind, raw);
        if (seen) log.observe(type, seen, Date.now());
      };
      informers.onChange(resource, (event) => observe(event.type, event.object));
      // What the cache already holds is the baseline later events are compared with.
      for (const raw of informers.list(resource)) observe('add', raw);
    }
    store[GLOBAL_KEY] = log;
  }
  return store[GLOBAL_KEY];
}

/** Notes a write Meshlens made to a routing object; other kinds and dry runs are not changes. */
export function noteRoutingWrite(
  stored: IstioObject,
  change: RoutingChange['change'],
  identity: Identity,
  summary?: string,
): void {
  if (!isRoutingKind(stored)) return;
  routingChanges().recordWrite({ object: stored }, change, Date.now(), userName(identity), summary);
}
