import { z } from 'zod';
import { InvalidError } from '@/lib/errors';
import { canBeSource, canBeTarget, parseNodeId } from '@/lib/mesh/graph/parse-node-id';
import type { BreakdownRequest } from '@/lib/server/get-breakdown';
import type { MetricsRequest, NodeArg } from '@/lib/server/get-metrics';
import { parseQuery } from '@/lib/server/parse-input';
import { isNamespaceName } from '@/lib/mesh/namespace-name';
import { GRAPH_TYPE_VALUES, endParam, windowParam } from '../graph/schema';

const ID_HELP =
  'a graph node id such as wl:<namespace>:<workload>, app:…, ver:…, svc:…, ext:<host> or unknown';

function nodeId(accepts: (arg: NodeArg) => string | undefined): z.ZodType<NodeArg, string> {
  return z
    .string({ error: `required: ${ID_HELP}` })
    .max(600, 'too long for a node id')
    .transform((id, ctx) => {
      const ref = parseNodeId(id);
      const problem = ref === undefined ? `not ${ID_HELP}` : accepts({ id, ref });
      if (ref === undefined || problem !== undefined) {
        ctx.addIssue({ code: 'custom', message: problem ?? ID_HELP });
        return z.NEVER;
      }
      return { id, ref };
    });
}

const protocol = z.enum(['http', 'grpc', 'tcp'], { error: 'one of http, grpc, tcp' });
const common = {
  window: windowParam.default('5m'),
  end: endParam.optional(),
  type: z.enum(GRAPH_TYPE_VALUES, { error: `one of ${GRAPH_TYPE_VALUES.join(', ')}` }).optional(),
};

const EdgeParams = z.object({
  ...common,
  // The edge's namespace as the UI knows it; the ids carry the namespaces that matter.
  namespace: z.string().refine(isNamespaceName, 'not a namespace name (DNS-1123 label)').optional(),
  source: nodeId(({ ref }) => (canBeSource(ref) ? undefined : 'this node never calls anything')),
  target: nodeId(({ ref }) => (canBeTarget(ref) ? undefined : 'this node never receives traffic')),
  protocol,
});

const NodeParams = z.object({
  ...common,
  node: nodeId(({ ref }) =>
    canBeTarget(ref) ? undefined : 'the unknown caller has no inbound traffic',
  ),
  protocol: protocol.optional(),
});

/** An edge's (source, target, protocol) or a node's (node) series request; 400 naming the parameter. */
export function parseMetricsParams(search: URLSearchParams): MetricsRequest {
  if (search.has('node') && (search.has('source') || search.has('target'))) {
    throw new InvalidError(
      'node: give either node (a node view) or source, target and protocol (an edge view), not both',
      [{ path: 'node', message: 'not with source/target' }],
      { malformedQuery: true },
    );
  }
  const d = search.has('node') ? parseQuery(NodeParams, search) : parseQuery(EdgeParams, search);
  return 'node' in d ? { kind: 'node', ...d } : { kind: 'edge', ...d };
}

const BreakdownParams = z
  .object({
    window: windowParam.default('5m'),
    end: endParam.optional(),
    node: nodeId(() => undefined),
    direction: z.enum(['inbound', 'outbound'], { error: 'inbound or outbound' }).default('inbound'),
    by: z.enum(['version', 'remote', 'code'], { error: 'one of version, remote, code' }),
    reporter: z
      .enum(['source', 'destination', 'waypoint', 'both', 'auto'], {
        error: 'one of source, destination, waypoint, both, auto',
      })
      .optional(),
  })
  .superRefine((p, ctx) => {
    const { ref } = p.node;
    const fits =
      p.direction === 'inbound' ? canBeTarget(ref) : canBeSource(ref) && ref.kind !== 'service';
    if (!fits)
      ctx.addIssue({
        code: 'custom',
        path: ['direction'],
        message:
          p.direction === 'inbound'
            ? 'this node receives no traffic'
            : 'this node sends no traffic of its own (a service is called, its workloads call)',
      });
  });

/** A request for a node's metrics split into groups: it names `by` or `direction`. */
export function isBreakdown(search: URLSearchParams): boolean {
  return search.has('by') || search.has('direction');
}

/**
 * node, direction (inbound), by, and the reporter: by default `auto`, the destination's report for
 * inbound traffic and the source's for outbound as in Kiali, or the waypoint's where only it reports.
 */
export function parseBreakdownParams(search: URLSearchParams): BreakdownRequest {
  const p = parseQuery(BreakdownParams, search);
  return { ...p, reporter: p.reporter ?? 'auto' };
}
