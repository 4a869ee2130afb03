import { canonical } from './object-forms';
import type { KubeOperations } from './operations';
import { resourceByKey } from './resources';
import {
  gatewayClassStatus,
  gatewayStatus,
  routeStatus,
  type GatewayWorld,
} from './gateway-status';
import type { KubeStore } from './store';
import type { KubeObject } from './types';

/** The resources whose changes can change a Gateway API object's status. */
const WATCHED = new Set([
  'gatewayclasses',
  'k8sgateways',
  'httproutes',
  'grpcroutes',
  'referencegrants',
  'services',
  'namespaces',
]);

function worldOf(store: KubeStore): GatewayWorld {
  return {
    service: (namespace, name) => store.get('services', namespace, name),
    gateway: (namespace, name) => store.get('k8sgateways', namespace, name),
    gatewayClass: (name) => store.get('gatewayclasses', undefined, name),
    namespaceLabels: (namespace) => store.get('namespaces', undefined, namespace)?.metadata.labels,
    referenceGrants: (namespace) => store.list('referencegrants', namespace),
    routes: () => [...store.list('httproutes'), ...store.list('grpcroutes')],
  };
}

/**
 * istiod's status writer for the Gateway API, run inside the demo API server: after any write that
 * may change a route's, Gateway's or GatewayClass's status, it recomputes them all and writes the
 * ones that differ through the status subresource (so each write gets a resourceVersion and is seen by
 * watches). A status write changes no input of the decisions but attachedRoutes, so the next pass
 * writes nothing and the loop ends. Returns the unsubscribe function.
 */
export function startGatewayController(
  store: KubeStore,
  ops: KubeOperations,
  now: () => string,
): () => void {
  let scheduled = false;

  function write(key: string, obj: KubeObject, status: Record<string, unknown> | undefined): void {
    const def = resourceByKey(key);
    if (!def || status === undefined || canonical(status) === canonical(obj.status)) return;
    ops.updateStatus(
      {
        def,
        version: def.versions[0] ?? 'v1',
        name: obj.metadata.name,
        ...(def.namespaced ? { namespace: obj.metadata.namespace } : {}),
      },
      { ...obj, status },
      { dryRun: false, fieldValidation: 'Strict' },
    );
  }

  function reconcile(): void {
    scheduled = false;
    const world = worldOf(store);
    const at = now();
    for (const gc of store.list('gatewayclasses'))
      write('gatewayclasses', gc, gatewayClassStatus(gc, at));
    for (const key of ['httproutes', 'grpcroutes'])
      for (const route of store.list(key)) write(key, route, routeStatus(route, world, at));
    for (const gateway of store.list('k8sgateways'))
      write('k8sgateways', gateway, gatewayStatus(gateway, world, at));
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // After the write that triggered it has been answered, as istiod reacts to its watch.
    queueMicrotask(reconcile);
  }

  const unsubscribe = store.subscribe((event) => {
    if (WATCHED.has(event.resource)) schedule();
  });
  schedule();
  return unsubscribe;
}
