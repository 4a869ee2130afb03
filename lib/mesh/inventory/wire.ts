import { z } from 'zod';

// Ref https://kubernetes.io/docs/reference/kubernetes-api/
// Only the fields Meshlens reads, and leniently: informer caches mix watch JSON with objects the
// typed client deserialised (undefined where JSON has null, Dates where JSON has strings), and files
// given to `npm run analyze` hold whatever a person wrote.

const StringMap = z
  .record(z.string(), z.string())
  .nullish()
  .transform((v) => v ?? {});

const OwnerReferenceWire = z.object({
  kind: z.string(),
  name: z.string(),
  controller: z.boolean().nullish(),
});

export const ObjectMetaWire = z.object({
  name: z.string(),
  namespace: z.string().nullish(),
  resourceVersion: z.string().nullish(),
  labels: StringMap,
  annotations: StringMap,
  ownerReferences: z.array(OwnerReferenceWire).nullish(),
});

// The API server requires a container's name; files given to `npm run analyze` may leave it out.
const ContainerWire = z.object({ name: z.string().nullish(), image: z.string().nullish() });

export const PodSpecWire = z.object({
  serviceAccountName: z.string().nullish(),
  containers: z.array(ContainerWire).nullish(),
  initContainers: z.array(ContainerWire).nullish(),
});

export const PodTemplateWire = z.object({
  metadata: z.object({ labels: StringMap, annotations: StringMap }).nullish(),
  spec: PodSpecWire.nullish(),
});

export const NamespaceWire = z.object({ metadata: ObjectMetaWire });

export const ServiceWire = z.object({
  metadata: ObjectMetaWire,
  spec: z
    .object({
      type: z.string().nullish(),
      selector: StringMap,
      ports: z
        .array(
          z.object({
            name: z.string().nullish(),
            port: z.number(),
            protocol: z.string().nullish(),
            targetPort: z.union([z.number(), z.string()]).nullish(),
            appProtocol: z.string().nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});

/** Deployment, StatefulSet, DaemonSet and ReplicaSet share what we read; DaemonSets count scheduled pods instead. */
export const WorkloadWire = z.object({
  metadata: ObjectMetaWire,
  spec: z.object({ replicas: z.number().nullish(), template: PodTemplateWire.nullish() }).nullish(),
  status: z
    .object({
      readyReplicas: z.number().nullish(),
      desiredNumberScheduled: z.number().nullish(),
      numberReady: z.number().nullish(),
    })
    .nullish(),
});

export const PodWire = z.object({
  metadata: ObjectMetaWire,
  spec: PodSpecWire.nullish(),
  status: z
    .object({ conditions: z.array(z.object({ type: z.string(), status: z.string() })).nullish() })
    .nullish(),
});

/** A Secret's name and type: `data` and `stringData` are not part of the shape, so they are never kept. */
export const SecretWire = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string().nullish() }),
  type: z.string().nullish(),
});

export const ConfigMapWire = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string().nullish() }),
  data: StringMap,
});

export type ObjectMetaWire = z.infer<typeof ObjectMetaWire>;
export type PodSpecWire = z.infer<typeof PodSpecWire>;
