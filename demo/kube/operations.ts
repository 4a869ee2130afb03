import { randomUUID } from 'node:crypto';
import { validateName } from './metadata-validation';
import { ClusterSimulation } from './object-defaults';
import { applyPatch, type PatchType } from './patch';
import { decodeContinue, encodeContinue } from './continue-token';
import {
  SYSTEM_FIELDS,
  canonical,
  isObject,
  kubeTimestamp,
  present,
  withoutMetaAndStatus,
  type Json,
} from './object-forms';
import {
  groupVersion,
  RESOURCES,
  resourceByKey,
  storageApiVersion,
  type ResourceDef,
} from './resources';
import type { CrdSchemas } from './schema-validation';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import {
  alreadyExists,
  badRequest,
  conflict,
  deleted,
  invalid,
  KubeApiError,
  notFound,
  type FieldError,
} from './status';
import type { KubeStore } from './store';
import { asMetadataList, asTable, type ListForm } from './table';
import type { KubeObject } from './types';

/** Which collection or object a request addresses, in the version it was made in. */
export interface Target {
  def: ResourceDef;
  version: string;
  namespace?: string;
  name?: string;
}

export interface WriteOptions {
  dryRun: boolean;
  /** metav1 fieldValidation: Strict rejects unknown fields, Warn (the server default) reports them. */
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
}

export interface Reply {
  code: number;
  body: unknown;
  /** Texts for Warning: 299 headers. */
  warnings?: string[];
}

/** The API verbs over the store: admission (names, schemas), system metadata, conflicts, dry runs. */
export class KubeOperations {
  private readonly cluster: ClusterSimulation;

  constructor(
    private readonly store: KubeStore,
    private readonly schemas: CrdSchemas,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.cluster = new ClusterSimulation(() => kubeTimestamp(this.now()));
  }

  /** A list; `form` asks for it as a meta.k8s.io Table or metadata only (see table.ts). */
  list(target: Target, query: URLSearchParams, form?: ListForm): Reply {
    const { def, version } = target;
    const labels = parseLabelSelector(query.get('labelSelector'));
    const fields = parseFieldSelector(query.get('fieldSelector'), def);
    let items = this.store.list(def.key, target.namespace).filter((o) => labels(o) && fields(o));
    const metadata: Json = { resourceVersion: String(this.store.revision()) };
    const continueToken = query.get('continue');
    if (continueToken) {
      const start = decodeContinue(continueToken);
      items = items.filter((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}` > start);
    }
    const limit = Number(query.get('limit') ?? 0);
    if (limit > 0 && items.length > limit) {
      const last = items[limit - 1];
      metadata.continue = encodeContinue(
        this.store.revision(),
        `${last?.metadata.namespace ?? ''}/${last?.metadata.name ?? ''}`,
      );
      metadata.remainingItemCount = items.length - limit;
      items = items.slice(0, limit);
    } else if (def.customResource) {
      metadata.continue = '';
    }
    if (form?.as === 'Table')
      return { code: 200, body: asTable(def, items, metadata, query, form.version, this.now()) };
    if (form) return { code: 200, body: asMetadataList(items, metadata, form.version) };
    // Typed (built-in) lists carry kind/apiVersion only on the list; unstructured CR lists keep them per item.
    const served = items.map((o) => {
      if (def.customResource) return present(def, version, o);
      const item: Json = { ...o };
      delete item.apiVersion;
      delete item.kind;
      return item;
    });
    return {
      code: 200,
      body: {
        kind: `${def.kind}List`,
        apiVersion: groupVersion(def.group, version),
        metadata,
        items: served,
      },
    };
  }

  get(target: Target): Reply {
    return { code: 200, body: present(target.def, target.version, this.mustGet(target)) };
  }

  create(target: Target, body: unknown, options: WriteOptions): Reply {
    const { def } = target;
    const candidate = this.decode(target, body);
    const meta = candidate.metadata;
    if (meta.resourceVersion)
      throw badRequest('resourceVersion should not be set on objects to be created');
    if (!meta.name && typeof meta.generateName === 'string' && meta.generateName !== '') {
      meta.name = `${meta.generateName}${randomUUID().replace(/-/g, '').slice(0, 5)}`;
    }
    const { object, warnings } = this.admit(
      target,
      candidate,
      options,
      validateName(def, meta.name),
    );
    if (def.namespaced && !this.store.get('namespaces', undefined, target.namespace ?? '')) {
      throw notFound(resourceByKey('namespaces') ?? def, target.namespace ?? '');
    }
    if (this.store.get(def.key, target.namespace, object.metadata.name))
      throw alreadyExists(def, object.metadata.name);
    for (const field of SYSTEM_FIELDS) delete object.metadata[field];
    object.metadata.uid = randomUUID();
    object.metadata.creationTimestamp = kubeTimestamp(this.now());
    if (def.hasGeneration) object.metadata.generation = 1;
    // Status is a subresource for every served kind: what a client sends on create is dropped.
    delete object.status;
    if (!def.customResource) this.cluster.onCreate(def, object);
    const result = options.dryRun ? object : this.store.create(def.key, object);
    return { code: 201, body: present(def, target.version, result), warnings };
  }

  update(target: Target, body: unknown, options: WriteOptions): Reply {
    const current = this.mustGet(target);
    const candidate = this.decode(target, body);
    if (candidate.metadata.name !== target.name) {
      throw badRequest(
        `the name of the object (${candidate.metadata.name}) does not match the name on the URL (${target.name ?? ''})`,
      );
    }
    return this.write(target, current, candidate, options);
  }

  patch(target: Target, patch: unknown, type: PatchType, options: WriteOptions): Reply {
    const current = this.mustGet(target);
    const candidate = this.patched(target, current, patch, type);
    if (candidate.metadata.name !== target.name) {
      throw badRequest(
        `the name of the object (${candidate.metadata.name}) does not match the name on the URL (${target.name ?? ''})`,
      );
    }
    return this.write(target, current, candidate, options);
  }

  /** PUT on the status subresource: only status is taken from the body (the CRD status strategy). */
  updateStatus(target: Target, body: unknown, options: WriteOptions): Reply {
    const current = this.mustGet(target);
    return this.writeStatus(target, current, this.decode(target, body), options);
  }

  patchStatus(target: Target, patch: unknown, type: PatchType, options: WriteOptions): Reply {
    const current = this.mustGet(target);
    return this.writeStatus(target, current, this.patched(target, current, patch, type), options);
  }

  /** The stored object with a patch applied, decoded as a request body would be. */
  private patched(
    target: Target,
    current: KubeObject,
    patch: unknown,
    type: PatchType,
  ): KubeObject {
    if (type === 'apply')
      throw badRequest('server-side apply is not supported by the demo API server');
    const result = applyPatch(
      structuredClone(present(target.def, target.version, current)),
      patch,
      type,
    );
    return this.decode(target, result);
  }

  delete(target: Target, options: { dryRun: boolean; preconditions: Json }): Reply {
    const { def } = target;
    const current = this.mustGet(target);
    const name = current.metadata.name;
    if (
      typeof options.preconditions.resourceVersion === 'string' &&
      options.preconditions.resourceVersion !== current.metadata.resourceVersion
    ) {
      throw preconditionFailed(
        def,
        name,
        'ResourceVersion',
        options.preconditions.resourceVersion,
        current.metadata.resourceVersion,
      );
    }
    if (
      typeof options.preconditions.uid === 'string' &&
      options.preconditions.uid !== current.metadata.uid
    ) {
      throw preconditionFailed(def, name, 'UID', options.preconditions.uid, current.metadata.uid);
    }
    if (def.kind === 'Namespace') return this.deleteNamespace(target, current, options.dryRun);
    const gone = options.dryRun
      ? current
      : (this.store.remove(def.key, target.namespace, name) ?? current);
    const body = def.deleteReturnsObject
      ? present(def, target.version, gone)
      : deleted(def, name, current.metadata.uid);
    return { code: 200, body };
  }

  /**
   * Seeds the store as if the objects had been created through the API earlier (not refused when
   * invalid, schema defaults applied when valid; status given by the scenario is kept). Namespaces referenced but not listed are created, as are the four
   * every cluster has.
   */
  seed(
    objects: readonly KubeObject[],
    resourceFor: (obj: KubeObject) => ResourceDef | undefined,
  ): void {
    const namespaces = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
    for (const obj of objects) if (obj.metadata.namespace) namespaces.add(obj.metadata.namespace);
    const listed = new Set(
      objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name),
    );
    const implicit = [...namespaces]
      .filter((n) => !listed.has(n))
      .map((name): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
    const ordered = [
      ...objects.filter((o) => o.kind === 'Namespace'),
      ...implicit,
      ...objects.filter((o) => o.kind !== 'Namespace'),
    ];
    for (const input of ordered) {
      const def = resourceFor(input);
      if (!def)
        throw new Error(`demo kube: no served resource for ${input.apiVersion} ${input.kind}`);
      // Defaults as the API server would have applied them on the create that never happened here: a
      // later write's dry run would otherwise show them as the person's change.
      const defaulted = def.customResource
        ? this.schemas.validate(def, input.apiVersion.split('/')[1] ?? '', input)
        : undefined;
      const obj =
        defaulted && defaulted.errors.length === 0
          ? (defaulted.object as unknown as KubeObject)
          : structuredClone(input);
      obj.apiVersion = storageApiVersion(def);
      obj.metadata.uid ??= randomUUID();
      obj.metadata.creationTimestamp ??= kubeTimestamp(this.now());
      if (def.hasGeneration) obj.metadata.generation ??= 1;
      if (!def.customResource) this.cluster.onCreate(def, obj);
      this.store.create(def.key, obj);
    }
  }

  private deleteNamespace(target: Target, current: KubeObject, dryRun: boolean): Reply {
    const terminating: KubeObject = {
      ...structuredClone(current),
      status: { phase: 'Terminating' },
    };
    terminating.metadata.deletionTimestamp = kubeTimestamp(this.now());
    if (dryRun) return { code: 200, body: terminating };
    // The namespace controller's work, done at once: empty the namespace, then finalize it.
    const shown = this.store.replace('namespaces', terminating);
    const name = current.metadata.name;
    for (const def of RESOURCES) {
      if (!def.namespaced || def.review) continue;
      for (const obj of this.store.list(def.key, name))
        this.store.remove(def.key, name, obj.metadata.name);
    }
    this.store.remove('namespaces', undefined, name);
    return { code: 200, body: shown };
  }

  private mustGet(target: Target): KubeObject {
    const obj = this.store.get(target.def.key, target.namespace, target.name ?? '');
    if (!obj) throw notFound(target.def, target.name ?? '');
    return obj;
  }

  /** Checks the request body's shape, kind, apiVersion and namespace against the URL. */
  private decode(target: Target, body: unknown): KubeObject {
    const { def } = target;
    if (!isObject(body)) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
    const obj = structuredClone(body);
    const expected = groupVersion(def.group, target.version);
    obj.apiVersion ??= expected;
    obj.kind ??= def.kind;
    if (obj.apiVersion !== expected || obj.kind !== def.kind) {
      throw badRequest(
        `the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${expected})`,
      );
    }
    const metadata = isObject(obj.metadata) ? obj.metadata : {};
    if (def.namespaced) {
      if (
        metadata.namespace !== undefined &&
        metadata.namespace !== '' &&
        metadata.namespace !== target.namespace
      ) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      metadata.namespace = target.namespace;
    } else delete metadata.namespace;
    obj.metadata = metadata;
    return obj as KubeObject;
  }

  /** Schema validation (custom resources) plus metadata errors; throws 422/400 or returns the pruned object. */
  private admit(
    target: Target,
    candidate: KubeObject,
    options: WriteOptions,
    metaErrors: FieldError[],
  ): { object: KubeObject; warnings: string[] } {
    const { def } = target;
    let object = candidate;
    const errors = [...metaErrors];
    let unknownFields: string[] = [];
    if (def.customResource) {
      const result = this.schemas.validate(def, target.version, candidate);
      object = result.object as KubeObject;
      errors.push(...result.errors);
      unknownFields = result.unknownFields;
    }
    if (unknownFields.length > 0 && options.fieldValidation === 'Strict') {
      throw badRequest(
        `strict decoding error: ${unknownFields.map((f) => `unknown field "${f}"`).join(', ')}`,
      );
    }
    if (errors.length > 0) throw invalid(def, candidate.metadata.name ?? '', errors);
    const warnings =
      options.fieldValidation === 'Warn' ? unknownFields.map((f) => `unknown field "${f}"`) : [];
    return { object, warnings };
  }

  /** Status writes keep everything but status as stored: no generation bump, the usual conflict check. */
  private writeStatus(
    target: Target,
    current: KubeObject,
    candidate: KubeObject,
    options: WriteOptions,
  ): Reply {
    checkResourceVersion(target.def, current, candidate);
    const next: KubeObject = structuredClone(current);
    if (candidate.status === undefined) delete next.status;
    else next.status = candidate.status;
    const { object, warnings } = this.admit(target, next, options, []);
    object.metadata = structuredClone(current.metadata);
    return this.persist(target, current, object, options, warnings);
  }

  /** Stores a changed object (unless dry run); a write that changes nothing is not persisted. */
  private persist(
    target: Target,
    current: KubeObject,
    object: KubeObject,
    options: WriteOptions,
    warnings: string[],
  ): Reply {
    const { def } = target;
    if (canonical(object) === canonical(current))
      return { code: 200, body: present(def, target.version, current), warnings };
    const result = options.dryRun ? object : this.store.replace(def.key, object);
    return { code: 200, body: present(def, target.version, result), warnings };
  }

  /** The common tail of update and patch: conflict check, admission, system fields, no-op detection. */
  private write(
    target: Target,
    current: KubeObject,
    candidate: KubeObject,
    options: WriteOptions,
  ): Reply {
    const { def } = target;
    checkResourceVersion(def, current, candidate);
    const { object, warnings } = this.admit(target, candidate, options, []);
    for (const field of SYSTEM_FIELDS) delete object.metadata[field];
    object.metadata.uid = current.metadata.uid;
    object.metadata.creationTimestamp = current.metadata.creationTimestamp;
    object.metadata.resourceVersion = current.metadata.resourceVersion;
    object.apiVersion = current.apiVersion;
    if (current.status !== undefined) object.status = current.status;
    else delete object.status;
    if (def.hasGeneration) {
      const specChanged =
        canonical(withoutMetaAndStatus(object)) !== canonical(withoutMetaAndStatus(current));
      object.metadata.generation = (current.metadata.generation ?? 1) + (specChanged ? 1 : 0);
    }
    if (!def.customResource) this.cluster.onUpdate(def, object);
    return this.persist(target, current, object, options, warnings);
  }
}

/** Optimistic concurrency: a write that names a resourceVersion must name the stored one. */
function checkResourceVersion(def: ResourceDef, current: KubeObject, candidate: KubeObject): void {
  const sent = candidate.metadata.resourceVersion;
  if (sent !== undefined && sent !== '' && sent !== current.metadata.resourceVersion)
    throw conflict(def, current.metadata.name);
}

function preconditionFailed(
  def: ResourceDef,
  name: string,
  field: string,
  wanted: string,
  actual: string | undefined,
): KubeApiError {
  return conflict(
    def,
    name,
    `Precondition failed: ${field} in precondition: ${wanted}, ${field} in object meta: ${actual ?? ''}`,
  );
}
