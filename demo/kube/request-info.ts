import type { UserInfo, RequestAttributes } from './rbac';

/** What authorization sees of a request, and the path the router serves (a /watch/ segment removed). */
export interface RequestInfo {
  attributes: (user: UserInfo) => RequestAttributes;
  /** Path segments with the legacy /watch/ prefix removed. */
  parts: string[];
  watch: boolean;
}

const METHOD_VERBS: Record<string, string> = {
  POST: 'create',
  GET: 'get',
  HEAD: 'get',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** A fieldSelector that requires metadata.name to be one value names the object (RequiresExactMatch). */
function nameFromFieldSelector(selector: string | null): string | undefined {
  for (const term of (selector ?? '').split(',')) {
    const m = /^\s*metadata\.name\s*==?\s*([^\s,]+)\s*$/.exec(term);
    if (m?.[1] && !m[1].includes('/')) return m[1];
  }
  return undefined;
}

/**
 * apiserver's RequestInfoFactory: /api and /apis paths below a group version are resource requests
 * (verb from the method, list/watch/deletecollection when no name); discovery and everything else are
 * non-resource requests whose verb is the lower-cased method.
 */
export function requestInfo(
  method: string,
  pathname: string,
  parts: string[],
  query: URLSearchParams,
): RequestInfo {
  const nonResource = (): RequestInfo => ({
    attributes: (user) => ({
      user,
      resourceRequest: false,
      verb: method.toLowerCase(),
      path: pathname,
    }),
    parts,
    watch: false,
  });
  const [root, ...afterRoot] = parts;
  if (root !== 'api' && root !== 'apis') return nonResource();
  const groupVersion = root === 'api' ? 1 : 2;
  if (afterRoot.length <= groupVersion) return nonResource();
  const apiGroup = root === 'api' ? '' : (afterRoot[0] ?? '');
  const apiVersion = afterRoot[groupVersion - 1] ?? '';
  let rest = afterRoot.slice(groupVersion);
  let verb = METHOD_VERBS[method] ?? method.toLowerCase();
  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    verb = 'watch';
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 1) {
    // A namespace object is "in" itself: GET /api/v1/namespaces/bookinfo has namespace bookinfo.
    namespace = rest[1];
    if (rest.length > 2 && !['status', 'finalize'].includes(rest[2] ?? '')) rest = rest.slice(2);
  }
  const [resource = '', pathName, subresource] = rest;
  let name = pathName;
  if (name === undefined && verb === 'get') {
    verb = ['1', 'true'].includes(query.get('watch') ?? '') ? 'watch' : 'list';
    name = nameFromFieldSelector(query.get('fieldSelector'));
  }
  if (watchPath && name === undefined) name = nameFromFieldSelector(query.get('fieldSelector'));
  if (name === undefined && verb === 'delete') verb = 'deletecollection';
  const routed = watchPath
    ? [root, ...afterRoot.slice(0, groupVersion), ...afterRoot.slice(groupVersion + 1)]
    : parts;
  return {
    attributes: (user) => ({
      user,
      resourceRequest: true,
      verb,
      apiGroup,
      apiVersion,
      resource,
      ...(subresource ? { subresource } : {}),
      ...(namespace ? { namespace } : {}),
      ...(name ? { name } : {}),
    }),
    parts: routed,
    watch: watchPath,
  };
}
