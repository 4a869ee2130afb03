import { isClusterScoped, wireKind } from '@/lib/mesh/istio/kinds';
import type { IstioObject } from '@/lib/mesh/types';
import { checkAmbientNoWaypoint } from './ambient-no-waypoint';
import { analyzeAnnotations } from './annotations';
import { checkAuthzHosts } from './authz-hosts';
import { checkAuthzSources } from './authz-sources';
import { checkAuthzNoMatchingWorkloads } from './authz-workloads';
import { checkConflictingGateways } from './conflicting-gateways';
import { checkConflictingHosts } from './conflicting-hosts';
import { analyzeDeploymentServices } from './deployment-services';
import { checkDeprecatedFields } from './deprecated-fields';
import { checkDestinationHost } from './destination-host';
import { checkDestinationRuleHost } from './destination-rule-host';
import { checkEnvoyFilterPatches } from './envoy-filter-patches';
import { checkGatewayDuplicateCertificate } from './gateway-duplicate-certificate';
import { checkGatewayHosts } from './gateway-hosts';
import { checkGatewayNotFound } from './gateway-not-found';
import { checkGatewayPorts } from './gateway-ports';
import { checkGatewaySecrets } from './gateway-secrets';
import { analyzeImageAuto } from './image-auto';
import { checkIneffectiveSelector } from './ineffective-selector';
import { checkIngressSubsetRouting } from './ingress-subset-routing';
import { analyzeInjection } from './injection';
import { checkInvalidRegex } from './invalid-regex';
import { checkJwtClaimRouting } from './jwt-claim-routing';
import { checkMtlsConflict } from './mtls-conflict';
import { checkPeerDisableConflict } from './peer-disable-conflict';
import { analyzeProxyImages } from './proxy-image';
import { checkRouteBackendNotFound } from './route-backend-not-found';
import { checkRouteNotAccepted } from './route-not-accepted';
import { checkRouteParentNotFound } from './route-parent-not-found';
import { checkRouteReferenceGrant } from './route-reference-grant';
import { checkRouteWeights, checkWeightRule } from './route-weights';
import { validateSchema, type CrdSchemas } from './schema';
import { checkServiceEntryAddresses } from './service-entry-addresses';
import { checkServiceEntryProtocolConflict } from './service-entry-protocol-conflict';
import { analyzeServicePortNames } from './service-port-name';
import { checkSidecarEgressHosts } from './sidecar-egress-hosts';
import { checkSidecarGlobalSelector } from './sidecar-global-selector';
import { analyzeSidecarSelectors } from './sidecar-selector';
import { checkSubsetNoPods } from './subset-no-pods';
import { checkSubsetNotFound } from './subset-not-found';
import { checkTelemetryProviders } from './telemetry-providers';
import { checkTelemetrySelectors } from './telemetry-selectors';
import { checkTlsCaCertificates } from './tls-ca-certificates';
import { checkUnreachableRules } from './unreachable-rules';
import { checkVirtualServiceOnWaypoint } from './virtual-service-on-waypoint';
import {
  SEVERITY_ORDER,
  type MeshAnalyzer,
  type MeshConfig,
  type ResourceFinding,
  type SemanticCheck,
  type Validation,
} from './types';

export const SEMANTIC_CHECKS: readonly SemanticCheck[] = [
  checkRouteWeights,
  checkSubsetNotFound,
  checkSubsetNoPods,
  checkDestinationHost,
  checkDestinationRuleHost,
  checkConflictingHosts,
  checkGatewayNotFound,
  checkGatewayHosts,
  checkMtlsConflict,
  checkPeerDisableConflict,
  checkInvalidRegex,
  checkAuthzNoMatchingWorkloads,
  checkAuthzSources,
  checkAuthzHosts,
  checkRouteParentNotFound,
  checkRouteBackendNotFound,
  checkRouteReferenceGrant,
  checkRouteNotAccepted,
  checkAmbientNoWaypoint,
  checkVirtualServiceOnWaypoint,
  checkSidecarEgressHosts,
  checkSidecarGlobalSelector,
  checkUnreachableRules,
  checkTlsCaCertificates,
  checkServiceEntryAddresses,
  checkServiceEntryProtocolConflict,
  checkJwtClaimRouting,
  checkDeprecatedFields,
  checkIngressSubsetRouting,
  checkEnvoyFilterPatches,
  checkTelemetrySelectors,
  checkTelemetryProviders,
  checkGatewayPorts,
  checkGatewaySecrets,
  checkConflictingGateways,
  checkGatewayDuplicateCertificate,
  checkIneffectiveSelector,
];

/** Checks over the whole mesh; each is in its own file, as the semantic checks above. */
export const MESH_ANALYZERS: readonly MeshAnalyzer[] = [
  analyzeInjection,
  analyzeProxyImages,
  analyzeSidecarSelectors,
  analyzeImageAuto,
  analyzeServicePortNames,
  analyzeAnnotations,
  analyzeDeploymentServices,
];

/** Every mesh analyzer's findings, in registry order. */
export function analyzeMesh(mesh: MeshConfig): ResourceFinding[] {
  return MESH_ANALYZERS.flatMap((analyze) => analyze(mesh));
}

export function sortValidations(list: readonly Validation[]): Validation[] {
  return [...list].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The raw object Kubernetes stores for a domain object; what the CRD schema describes. */
export function toManifest(obj: IstioObject): Record<string, unknown> {
  return {
    apiVersion: obj.apiVersion,
    kind: wireKind(obj.kind),
    metadata: {
      name: obj.name,
      ...(!isClusterScoped(obj.kind) && { namespace: obj.namespace }),
      ...(Object.keys(obj.labels).length > 0 && { labels: obj.labels }),
    },
    spec: obj.spec,
  };
}

/**
 * What the API server (the CRD schema) or Istio's validation (the weight rule) refuses: an object with
 * any of these is never written, with or without "apply anyway". The weight rule only runs on an
 * object the schema accepts, for the same reason as the semantic checks below.
 */
export function refusedFindings(
  manifest: unknown,
  obj: IstioObject | undefined,
  schemas: CrdSchemas,
): Validation[] {
  const schema = validateSchema(manifest, schemas);
  if (schema.length > 0 || !obj) return schema;
  return checkWeightRule(obj);
}

/**
 * Schema and semantic findings for one object, errors first. Semantic checks only run on an object the
 * schema accepts: on a malformed spec they would report noise on top of the real problem.
 */
export function validateIstioObject(
  obj: IstioObject,
  manifest: unknown,
  mesh: MeshConfig,
  schemas: CrdSchemas,
): Validation[] {
  const refused = refusedFindings(manifest, obj, schemas);
  if (refused.length > 0) return sortValidations(refused);
  return sortValidations(SEMANTIC_CHECKS.flatMap((check) => check(obj, mesh)));
}
