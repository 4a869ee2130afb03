import { gatewayRoutesFor } from './gateway-route';
import { destinationRulesFor, virtualServicesFor, type ServiceRef } from './service-routing';
import type { IstioObject } from '../types';

/** The kinds whose changes move a service's traffic split. */
export type RoutingKind = Extract<
  IstioObject['kind'],
  'VirtualService' | 'DestinationRule' | 'HTTPRoute' | 'GRPCRoute'
>;

/**
 * One moment a service's routing changed, as this Meshlens process saw it: its own write, or an event
 * on its watch. Nothing is stored: the log starts empty when Meshlens starts.
 */
export interface RoutingChange {
  /** Epoch ms Meshlens wrote the change or its watch delivered it. */
  readonly at: number;
  readonly kind: RoutingKind;
  readonly namespace: string;
  readonly name: string;
  readonly change: 'created' | 'changed' | 'deleted';
  readonly resourceVersion: string;
  /** Who made it through Meshlens; absent for a change made elsewhere (kubectl, GitOps, …). */
  readonly by?: string;
  /** What Meshlens changed, e.g. "route 0: v1 80→50". */
  readonly summary?: string;
}

/** What the log needs of an object from a watch event or a write's answer. */
export interface SeenObject {
  readonly object: IstioObject & { readonly kind: RoutingKind };
  /** metadata.generation: it moves on spec changes only, so status updates are not routing changes. */
  readonly generation?: number;
  /** Epoch ms of metadata.creationTimestamp. */
  readonly createdAt?: number;
}

interface Entry {
  readonly change: RoutingChange;
  /** The object at the change, to match it against a service even after it is deleted. */
  readonly object: IstioObject;
}

const keyOf = (o: IstioObject): string => `${o.kind}/${o.namespace}/${o.name}`;

/**
 * The routing changes seen since `since`, newest kept when more than `capacity` pile up. A write
 * Meshlens makes and the watch event it causes are one change (same object and resourceVersion), in
 * whichever order they arrive.
 */
export class RoutingChangeLog {
  private readonly versions = new Map<string, number | string>();
  private entries: Entry[] = [];

  constructor(
    /** Epoch ms the log began; changes before it are unknown, not absent. */
    readonly since: number,
    private readonly capacity = 1000,
  ) {}

  /** A watch event; the initial list and status-only updates record nothing. */
  observe(type: 'add' | 'update' | 'delete', seen: SeenObject, at: number): void {
    const key = keyOf(seen.object);
    const known = this.versions.get(key);
    if (type === 'delete') {
      this.versions.delete(key);
      if (known !== undefined) this.push(seen.object, 'deleted', at);
      return;
    }
    const version = seen.generation ?? seen.object.resourceVersion;
    this.versions.set(key, version);
    if (known === undefined) {
      if (seen.createdAt !== undefined && seen.createdAt >= Math.floor(this.since / 1000) * 1000)
        this.push(seen.object, 'created', at);
    } else if (known !== version && this.indexOf(seen.object) < 0) {
      this.push(seen.object, 'changed', at);
    }
  }

  /** A write Meshlens made (not a dry run), with the object the API server stored. */
  recordWrite(
    seen: SeenObject,
    change: RoutingChange['change'],
    at: number,
    by: string,
    summary?: string,
  ): void {
    const key = keyOf(seen.object);
    const i = this.indexOf(seen.object);
    const mine = { by, ...(summary !== undefined && { summary }) };
    const existing = this.entries[i];
    if (existing !== undefined) {
      // The watch was first and already holds the object's version.
      this.entries[i] = { ...existing, change: { ...existing.change, ...mine } };
      return;
    }
    if (change === 'deleted') this.versions.delete(key);
    else this.versions.set(key, seen.generation ?? seen.object.resourceVersion);
    this.push(seen.object, change, at, mine);
  }

  /** The changes to the routing of `service` with `from <= at <= to`, oldest first. */
  forService(service: ServiceRef, from: number, to: number): RoutingChange[] {
    return this.entries
      .filter(
        (e) =>
          e.change.at >= from &&
          e.change.at <= to &&
          (virtualServicesFor([e.object], service).length > 0 ||
            destinationRulesFor([e.object], service).length > 0 ||
            gatewayRoutesFor([e.object], service).length > 0),
      )
      .map((e) => e.change);
  }

  /** The entry for this object at this resourceVersion, or -1: one change, however it arrived. */
  private indexOf(object: IstioObject): number {
    const key = keyOf(object);
    return this.entries.findIndex(
      (e) => keyOf(e.object) === key && e.change.resourceVersion === object.resourceVersion,
    );
  }

  private push(
    object: IstioObject & { readonly kind: RoutingKind },
    change: RoutingChange['change'],
    at: number,
    extra: Pick<RoutingChange, 'by' | 'summary'> = {},
  ): void {
    this.entries.push({
      object,
      change: {
        at,
        kind: object.kind,
        namespace: object.namespace,
        name: object.name,
        change,
        resourceVersion: object.resourceVersion,
        ...extra,
      },
    });
    this.entries.sort((a, b) => a.change.at - b.change.at);
    if (this.entries.length > this.capacity) this.entries = this.entries.slice(-this.capacity);
  }
}
