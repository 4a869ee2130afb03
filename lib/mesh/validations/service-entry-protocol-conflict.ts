import { isRecord } from '@/lib/mesh/istio/read';
import { readServiceEntrySpec } from '@/lib/mesh/istio/service-entry';
import type { IstioObject } from '@/lib/mesh/types';
import { EXPORT_ALL, exportScopes, ofKind } from './hosts';
import { formatPath } from './path';
import type { MeshConfig, Validation } from './types';

/**
 * IST0177 ConflictingServiceEntryProtocol, a warning as in istioctl's serviceentry
 * ConflictingServiceEntryProtocolAnalyzer (istio/istio pkg/config/analysis/analyzers/serviceentry/
 * conflictingserviceentries.go): Istio merges the ServiceEntries of one host, so two that give one
 * host and port different protocols where both are visible leave that port's traffic undefined.
 * As istioctl: hosts compared as written, protocols without regard to case, one finding per object.
 */
export const SE_PROTOCOL_CONFLICT_CODE = 'IST0177';

interface PortEntry {
  readonly se: IstioObject;
  readonly scope: string;
  readonly host: string;
  readonly port: number;
  readonly portIndex: number;
  readonly protocol: string;
}

function entriesOf(se: IstioObject): PortEntry[] {
  const { hosts, exportTo } = readServiceEntrySpec(se.spec);
  const ports = Array.isArray(se.spec.ports) ? se.spec.ports : [];
  return exportScopes(exportTo, se.namespace).flatMap((scope) =>
    hosts.flatMap((host) =>
      ports.flatMap((p: unknown, portIndex): PortEntry[] =>
        isRecord(p) && typeof p.number === 'number'
          ? [
              {
                se,
                scope,
                host,
                port: p.number,
                portIndex,
                protocol: typeof p.protocol === 'string' ? p.protocol.toUpperCase() : '',
              },
            ]
          : [],
      ),
    ),
  );
}

/** The entries that share a visibility scope with `own`, `own` included, as istioctl groups them. */
function groupsWith(own: PortEntry, all: readonly PortEntry[]): PortEntry[][] {
  const same = all.filter((e) => e.host === own.host && e.port === own.port);
  const exported = same.filter((e) => e.scope === EXPORT_ALL);
  const inScope = (scope: string): PortEntry[] =>
    scope === EXPORT_ALL ? exported : [...same.filter((e) => e.scope === scope), ...exported];
  if (own.scope !== EXPORT_ALL) return [inScope(own.scope)];
  return [...new Set(same.map((e) => e.scope))].map(inScope);
}

const label = (se: IstioObject): string => `${se.namespace}/${se.name}`;

// By name, not identity: the object checked may be a posted copy of the one in the mesh.
const isSelf = (se: IstioObject, obj: IstioObject): boolean => label(se) === label(obj);

export function checkServiceEntryProtocolConflict(
  obj: IstioObject,
  mesh: MeshConfig,
): Validation[] {
  if (obj.kind !== 'ServiceEntry') return [];
  const all = ofKind(mesh, 'ServiceEntry').flatMap(entriesOf);
  for (const own of all.filter((e) => isSelf(e.se, obj)))
    for (const group of groupsWith(own, all)) {
      const protocols = [...new Set(group.map((e) => e.protocol))].sort();
      if (protocols.length < 2) continue;
      const others = [
        ...new Set(group.filter((e) => !isSelf(e.se, obj)).map((e) => label(e.se))),
      ].sort();
      const shown = protocols.map((p) => p || '(none)').join(', ');
      return [
        {
          code: SE_PROTOCOL_CONFLICT_CODE,
          severity: 'warning',
          message: `Host ${own.host} port ${own.port} is also defined by ServiceEntry ${others.join(', ')}, visible in the same namespaces, with another protocol (${shown}). Istio merges ServiceEntries of one host, so traffic on this port may break. Give the port one protocol everywhere, or define the host in one ServiceEntry.`,
          path: formatPath(['spec', 'ports', own.portIndex]),
        },
      ];
    }
  return [];
}
