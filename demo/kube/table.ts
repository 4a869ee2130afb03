import type { Json } from './object-forms';
import type { ResourceDef } from './resources';
import { badRequest } from './status';
import type { KubeObject } from './types';

/**
 * Lists in the meta.k8s.io forms clients negotiate through Accept: metadata only
 * (`as=PartialObjectMetadataList`), and server-side printing (`as=Table`), as kubectl get asks for
 * it. Secrets get their printer's columns (Name, Type, Data, Age) so that a client can learn
 * their names and types without their data ever leaving the server; every other resource gets the
 * columns a CRD without additionalPrinterColumns prints (Name, Age). The column descriptions are the
 * Kubernetes API's own field documentation, which the real server sends (kubernetes/kubernetes,
 * Apache-2.0).
 */

const TABLE_GROUP = 'meta.k8s.io';
const TABLE_VERSIONS = new Set(['v1', 'v1beta1']);

/** A list in another form than the resource's own: a Table, or the items' metadata only. */
export interface ListForm {
  readonly as: 'Table' | 'PartialObjectMetadataList';
  readonly version: string;
}

/** The form the Accept header asks for, or undefined when it accepts the plain list. */
export function listForm(accept: string | undefined): ListForm | undefined {
  for (const media of (accept ?? '').split(',')) {
    const [type = '', ...params] = media.split(';').map((p) => p.trim());
    if (type !== 'application/json') continue;
    const p = new Map(
      params.map((kv) => {
        const eq = kv.indexOf('=');
        return [kv.slice(0, eq), kv.slice(eq + 1)] as const;
      }),
    );
    // Clients list such a form first and the plain list after it; the first acceptable entry wins.
    const as = p.get('as');
    if (as !== 'Table' && as !== 'PartialObjectMetadataList') return undefined;
    const version = p.get('v') ?? '';
    if (p.get('g') === TABLE_GROUP && TABLE_VERSIONS.has(version)) return { as, version };
  }
  return undefined;
}

/** The list as PartialObjectMetadataList: what informers of metadata only ask for. */
export function asMetadataList(
  objects: readonly KubeObject[],
  listMetadata: Json,
  version: string,
): Json {
  const apiVersion = `${TABLE_GROUP}/${version}`;
  return {
    kind: 'PartialObjectMetadataList',
    apiVersion,
    metadata: listMetadata,
    items: objects.map((obj) => ({
      kind: 'PartialObjectMetadata',
      apiVersion,
      metadata: obj.metadata,
    })),
  };
}

interface Column {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

function column(name: string, description: string, format = ''): Column {
  return { name, type: 'string', format, description, priority: 0 };
}

const NAME = column(
  'Name',
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  'name',
);
const AGE = column(
  'Age',
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
);
const SECRET_COLUMNS = [
  NAME,
  column(
    'Type',
    'Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types',
  ),
  column(
    'Data',
    "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4",
  ),
  AGE,
];

/** apimachinery's duration.HumanDuration, as the Age column prints it. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(hours / 24 / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

function age(obj: KubeObject, now: Date): string {
  const created = obj.metadata.creationTimestamp;
  return created ? humanDuration(now.getTime() - Date.parse(created)) : '<unknown>';
}

function cells(def: ResourceDef, obj: KubeObject, now: Date): unknown[] {
  if (def.kind !== 'Secret') return [obj.metadata.name, age(obj, now)];
  const data = obj.data;
  const count = typeof data === 'object' && data !== null ? Object.keys(data).length : 0;
  return [obj.metadata.name, obj.type, count, age(obj, now)];
}

/**
 * A list as a Table in `version`. includeObject: Metadata (the default) puts each object's metadata
 * in the row as PartialObjectMetadata, None leaves the row's object null, Object gives it whole.
 */
export function asTable(
  def: ResourceDef,
  objects: readonly KubeObject[],
  listMetadata: Json,
  query: URLSearchParams,
  version: string,
  now: Date,
): Json {
  const include = query.get('includeObject') ?? 'Metadata';
  if (!['Metadata', 'None', 'Object'].includes(include))
    throw badRequest(`unrecognized includeObject value: "${include}"`);
  const apiVersion = `${TABLE_GROUP}/${version}`;
  return {
    kind: 'Table',
    apiVersion,
    metadata: listMetadata,
    columnDefinitions: def.kind === 'Secret' ? SECRET_COLUMNS : [NAME, AGE],
    rows: objects.map((obj) => ({
      cells: cells(def, obj, now),
      object:
        include === 'None'
          ? null
          : include === 'Object'
            ? obj
            : { kind: 'PartialObjectMetadata', apiVersion, metadata: obj.metadata },
    })),
  };
}
