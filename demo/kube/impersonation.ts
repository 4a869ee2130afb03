import type http from 'node:http';
import { AUTHENTICATED } from './authn';
import { decide, type RbacPolicy, type RequestAttributes, type UserInfo } from './rbac';
import { forbidden } from './status';

const SA_PREFIX = 'system:serviceaccount:';

function headerValues(req: http.IncomingMessage, name: string): string[] {
  const raw = req.headersDistinct[name.toLowerCase()] ?? [];
  // Go's Header.Values keeps each header line; a client may also fold repeats into one comma list.
  return raw
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** Thrown for Impersonate-Group or -Uid without Impersonate-User; the filter answers with InternalError. */
export class ImpersonationWithoutUser extends Error {}

/**
 * The impersonation filter (apiserver endpoints/filters/impersonation.go): each Impersonate-* value is
 * checked as verb "impersonate" on users, groups, uids or the service account, then the request runs as
 * the impersonated user. Returns the caller unchanged when no Impersonate-* header is present.
 */
export function impersonate(
  req: http.IncomingMessage,
  caller: UserInfo,
  policy: RbacPolicy,
): UserInfo {
  const users = headerValues(req, 'Impersonate-User');
  const groups = headerValues(req, 'Impersonate-Group');
  const uids = headerValues(req, 'Impersonate-Uid');
  if (users.length === 0) {
    if (groups.length > 0 || uids.length > 0) {
      const asked = [...groups.map((g) => `Group=${g}`), ...uids.map((u) => `UID=${u}`)];
      throw new ImpersonationWithoutUser(
        `requested [${asked.join(' ')}] without impersonating a user`,
      );
    }
    return caller;
  }
  const username = users[0] ?? '';
  const checks: RequestAttributes[] = [];
  const base = { user: caller, resourceRequest: true as const, verb: 'impersonate' };
  if (username.startsWith(SA_PREFIX)) {
    const [namespace = '', name = ''] = username.slice(SA_PREFIX.length).split(':');
    checks.push({
      ...base,
      apiGroup: '',
      apiVersion: 'v1',
      resource: 'serviceaccounts',
      namespace,
      name,
    });
  } else {
    checks.push({ ...base, apiGroup: '', apiVersion: 'v1', resource: 'users', name: username });
  }
  for (const group of groups)
    checks.push({ ...base, apiGroup: '', apiVersion: 'v1', resource: 'groups', name: group });
  for (const uid of uids)
    checks.push({
      ...base,
      apiGroup: 'authentication.k8s.io',
      apiVersion: 'v1',
      resource: 'uids',
      name: uid,
    });
  for (const attrs of checks) {
    const decision = decide(policy, attrs);
    if (!decision.allowed) throw forbidden(attrs, decision.reason);
  }
  const impersonatedGroups = [...groups];
  if (username.startsWith(SA_PREFIX)) {
    const namespace = username.slice(SA_PREFIX.length).split(':')[0] ?? '';
    for (const g of ['system:serviceaccounts', `system:serviceaccounts:${namespace}`])
      if (!impersonatedGroups.includes(g)) impersonatedGroups.push(g);
  }
  if (username !== 'system:anonymous' && !impersonatedGroups.includes(AUTHENTICATED))
    impersonatedGroups.push(AUTHENTICATED);
  return { name: username, ...(uids[0] ? { uid: uids[0] } : {}), groups: impersonatedGroups };
}
