import type http from 'node:http';
import { parse as parseYaml } from 'yaml';
import { TokenAuthenticator, type StaticToken } from './authn';
import { apiGroupDoc, apiGroupList, apiResourceList, apiVersions, VERSION_INFO } from './discovery';
import { startGatewayController } from './gateway-controller';
import { kubeTimestamp } from './object-forms';
import { ImpersonationWithoutUser, impersonate } from './impersonation';
import { KubeOperations, type Reply, type Target, type WriteOptions } from './operations';
import { patchTypeOf, type PatchType } from './patch';
import { decide, policyFrom, type RbacPolicy, type UserInfo } from './rbac';
import { requestInfo } from './request-info';
import { resolveResource, resourceForObject } from './resources';
import { answerReview } from './reviews';
import { CrdSchemas, defaultCrdPath } from './schema-validation';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import {
  badRequest,
  forbidden,
  KubeApiError,
  methodNotAllowed,
  pathNotFound,
  unauthorized,
} from './status';
import { KubeStore } from './store';
import { listForm } from './table';
import type { KubeObject } from './types';
import { serveWatch } from './watch';

export interface KubeApiOptions {
  /** Istio's crd-all.gen.yaml; defaults to the repository's fixtures (Gateway API schemas: lib/kube). */
  crdPath?: string;
  /** How many past writes a watch can resume from before it gets 410 Expired. */
  historyLimit?: number;
  /** Interval of BOOKMARK events for watches that allow them. */
  bookmarkIntervalMs?: number;
  now?: () => Date;
  /**
   * The static token table (kube-apiserver's --token-auth-file). When given, every request must carry
   * one of these bearer tokens (only /version and the health paths are open to anonymous requests);
   * without it, every request acts as a member of system:masters, for tests of the wire format alone.
   */
  authentication?: { readonly tokens: readonly StaticToken[] };
  /** How many handled requests `requests` keeps (the oldest are dropped first). */
  requestLogLimit?: number;
}

/** One handled request, as an audit log would show it. */
export interface KubeRequest {
  /** The user the request ran as (after impersonation); '' when authentication failed. */
  user: string;
  verb: string;
  path: string;
  code: number;
}

export interface KubeApi {
  /** The simulated cluster state; list() results are shared, frozen objects (read-only). */
  store: KubeStore;
  /** Serves /api, /apis and /version; returns false (leaving res alone) for any other path. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** The most recent handled requests, oldest first. */
  readonly requests: readonly KubeRequest[];
  /** Ends every open watch stream and stops the Gateway API status controller. */
  close(): void;
}

function sendJson(
  res: http.ServerResponse,
  code: number,
  body: unknown,
  warnings: readonly string[] = [],
): void {
  const text = JSON.stringify(body);
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  };
  if (warnings.length > 0) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(code, headers);
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses a request body as JSON (or YAML when the client says so); malformed input is a 400. */
function decodeBody(text: string, contentType: string | undefined): unknown {
  if (text.trim() === '') return undefined;
  try {
    return contentType?.includes('yaml')
      ? (parseYaml(text) as unknown)
      : (JSON.parse(text) as unknown);
  } catch (err) {
    throw badRequest(
      `couldn't get version/kind; json parse error: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

function parsePatch(type: PatchType, text: string): unknown {
  try {
    return type === 'apply' ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown);
  } catch (err) {
    throw badRequest(err instanceof Error ? err.message : String(err));
  }
}

function writeOptions(query: URLSearchParams): WriteOptions {
  const dryRun = query.getAll('dryRun');
  if (dryRun.some((d) => d !== 'All'))
    throw badRequest(`dryRun: Unsupported value: "${dryRun.join(',')}": supported values: "All"`);
  const fv = query.get('fieldValidation') ?? 'Warn';
  if (fv !== 'Strict' && fv !== 'Warn' && fv !== 'Ignore') {
    throw badRequest(
      `fieldValidation: Unsupported value: "${fv}": supported values: "Ignore", "Strict", "Warn"`,
    );
  }
  return { dryRun: dryRun.length > 0, fieldValidation: fv };
}

interface Route {
  target: Target;
  /** Set when the path ends in a subresource; only custom resources' /status is served. */
  subresource?: string;
}

/** Resolves /api/v1/... and /apis/<group>/<version>/... resource paths. */
function route(parts: string[]): Route | undefined {
  const [root, ...restAll] = parts;
  const group = root === 'api' ? '' : (restAll.shift() ?? '');
  const version = restAll.shift() ?? '';
  const rest = restAll;
  let namespace: string | undefined;
  let plural: string | undefined;
  let tail: string[];
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    plural = rest[2];
    tail = rest.slice(3);
  } else {
    plural = rest[0];
    tail = rest.slice(1);
  }
  const def = resolveResource(group, version, plural ?? '');
  if (!def || tail.length > 2) return undefined;
  const [name, subresource] = tail;
  if (!def.namespaced && namespace !== undefined) return undefined;
  if (def.namespaced && namespace === undefined && name !== undefined) return undefined;
  return { target: { def, version, namespace, name }, ...(subresource ? { subresource } : {}) };
}

export function createKubeApi(initial: KubeObject[], options: KubeApiOptions = {}): KubeApi {
  const store = new KubeStore(options.historyLimit);
  const schemas = new CrdSchemas(options.crdPath ?? defaultCrdPath());
  const ops = new KubeOperations(store, schemas, options.now);
  ops.seed(initial, (o) => resourceForObject(o.apiVersion, o.kind));
  const stopGatewayController = startGatewayController(store, ops, () =>
    kubeTimestamp(options.now?.() ?? new Date()),
  );
  const watches = new Set<() => void>();
  const authenticator = new TokenAuthenticator(options.authentication?.tokens ?? [], options.now);
  const requests: KubeRequest[] = [];
  const requestLogLimit = options.requestLogLimit ?? 5000;
  let cachedPolicy: { revision: number; policy: RbacPolicy } | undefined;

  /** The RBAC objects as of the latest write (parsed once per store revision). */
  function policy(): RbacPolicy {
    const revision = store.revision();
    if (cachedPolicy?.revision !== revision) {
      cachedPolicy = {
        revision,
        policy: policyFrom({
          clusterRoles: store.list('clusterroles'),
          clusterRoleBindings: store.list('clusterrolebindings'),
          roles: store.list('roles'),
          roleBindings: store.list('rolebindings'),
        }),
      };
    }
    return cachedPolicy.policy;
  }

  /** Authentication then impersonation: who the request runs as. */
  function identify(req: http.IncomingMessage, path: string): UserInfo {
    if (!options.authentication)
      return { name: 'system:admin', groups: ['system:masters', 'system:authenticated'] };
    const result = authenticator.authenticate(req.headers.authorization, path);
    if (result.kind === 'unauthorized') throw unauthorized();
    return impersonate(req, result.user, policy());
  }

  async function serveResource(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    r: Route,
    user: UserInfo,
    watchPath: boolean,
  ): Promise<void> {
    const { target } = r;
    const query = url.searchParams;
    const method = req.method ?? 'GET';
    const contentType = req.headers['content-type'];
    let reply: Reply;
    if (r.subresource) {
      if (r.subresource !== 'status' || !target.def.customResource || target.name === undefined)
        throw pathNotFound();
      if (method === 'GET') reply = ops.get(target);
      else if (method === 'PUT')
        reply = ops.updateStatus(
          target,
          decodeBody(await readBody(req), contentType),
          writeOptions(query),
        );
      else if (method === 'PATCH') {
        const type = patchTypeOf(contentType, true);
        reply = ops.patchStatus(
          target,
          parsePatch(type, await readBody(req)),
          type,
          writeOptions(query),
        );
      } else throw methodNotAllowed();
      return sendJson(res, reply.code, reply.body, reply.warnings);
    }
    if (target.def.review) {
      if (method !== 'POST' || target.name !== undefined) throw methodNotAllowed();
      reply = answerReview(
        target.def,
        target.version,
        decodeBody(await readBody(req), contentType),
        {
          caller: user,
          policy: policy(),
          authenticator,
          ...(target.namespace ? { namespace: target.namespace } : {}),
        },
      );
      return sendJson(res, reply.code, reply.body);
    }
    if (
      method === 'GET' &&
      target.name === undefined &&
      (watchPath || ['1', 'true'].includes(query.get('watch') ?? ''))
    ) {
      const timeout = query.get('timeoutSeconds');
      const stop = serveWatch(store, req, res, {
        def: target.def,
        version: target.version,
        namespace: target.namespace,
        labels: parseLabelSelector(query.get('labelSelector')),
        fields: parseFieldSelector(query.get('fieldSelector'), target.def),
        resourceVersion: query.get('resourceVersion'),
        ...(timeout ? { timeoutSeconds: Number(timeout) } : {}),
        bookmarks: ['1', 'true'].includes(query.get('allowWatchBookmarks') ?? ''),
        bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
      });
      watches.add(stop);
      res.on('close', () => watches.delete(stop));
      return;
    }
    if (method === 'GET') {
      reply =
        target.name === undefined
          ? ops.list(target, query, listForm(req.headers.accept))
          : ops.get(target);
    } else if (
      method === 'POST' &&
      target.name === undefined &&
      (target.namespace !== undefined || !target.def.namespaced)
    ) {
      reply = ops.create(target, decodeBody(await readBody(req), contentType), writeOptions(query));
    } else if (method === 'PUT' && target.name !== undefined) {
      reply = ops.update(target, decodeBody(await readBody(req), contentType), writeOptions(query));
    } else if (method === 'PATCH' && target.name !== undefined) {
      const type = patchTypeOf(contentType, target.def.customResource);
      reply = ops.patch(target, parsePatch(type, await readBody(req)), type, writeOptions(query));
    } else if (method === 'DELETE' && target.name !== undefined) {
      const body = decodeBody(await readBody(req), contentType);
      const deleteOptions =
        typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      const bodyDryRun =
        Array.isArray(deleteOptions.dryRun) && deleteOptions.dryRun.includes('All');
      const preconditions = deleteOptions.preconditions;
      reply = ops.delete(target, {
        dryRun: writeOptions(query).dryRun || bodyDryRun,
        preconditions:
          typeof preconditions === 'object' && preconditions !== null
            ? (preconditions as Record<string, unknown>)
            : {},
      });
    } else {
      throw methodNotAllowed();
    }
    sendJson(res, reply.code, reply.body, reply.warnings);
  }

  async function serve(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    rawParts: string[],
    entry: KubeRequest,
  ): Promise<void> {
    const info = requestInfo(req.method ?? 'GET', url.pathname, rawParts, url.searchParams);
    const user = identify(req, url.pathname);
    entry.user = user.name;
    const attrs = info.attributes(user);
    entry.verb = attrs.verb;
    const decision = decide(policy(), attrs);
    if (!decision.allowed) throw forbidden(attrs, decision.reason);
    const { parts } = info;
    const path = parts.join('/');
    if (path === 'version') return sendJson(res, 200, VERSION_INFO);
    if (path === 'api') return sendJson(res, 200, apiVersions(req.headers.host ?? '127.0.0.1'));
    if (path === 'apis') return sendJson(res, 200, apiGroupList());
    const discovery =
      parts[0] === 'api' && parts.length === 2
        ? apiResourceList('', parts[1] ?? '')
        : parts[0] === 'apis' && parts.length === 2
          ? apiGroupDoc(parts[1] ?? '')
          : parts[0] === 'apis' && parts.length === 3
            ? apiResourceList(parts[1] ?? '', parts[2] ?? '')
            : undefined;
    if (discovery) return sendJson(res, 200, discovery);
    const r = route(parts);
    if (!r) throw pathNotFound();
    await serveResource(req, res, url, r, user, info.watch);
  }

  function record(entry: KubeRequest): void {
    requests.push(entry);
    if (requests.length > requestLogLimit) requests.splice(0, requests.length - requestLogLimit);
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://kube.invalid');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (!['api', 'apis', 'version'].includes(parts[0] ?? '')) return false;
    const entry: KubeRequest = {
      user: '',
      verb: (req.method ?? 'GET').toLowerCase(),
      path: url.pathname,
      code: 0,
    };
    res.once('close', () => record({ ...entry, code: res.statusCode }));
    serve(req, res, url, parts, entry).catch((err: unknown) => {
      if (res.headersSent) {
        res.end();
        return;
      }
      if (err instanceof KubeApiError) sendJson(res, err.status.code, err.status);
      else if (err instanceof ImpersonationWithoutUser) {
        // The impersonation filter answers this with responsewriters.InternalError: plain text.
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Internal Server Error: ${JSON.stringify(req.url ?? '')}: ${err.message}\n`);
      } else {
        const message = err instanceof Error ? err.message : String(err);
        sendJson(res, 500, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message,
          reason: 'InternalError',
          code: 500,
        });
      }
    });
    return true;
  }

  return {
    store,
    handle,
    requests,
    close: () => {
      stopGatewayController();
      for (const stop of watches) stop();
      watches.clear();
    },
  };
}
