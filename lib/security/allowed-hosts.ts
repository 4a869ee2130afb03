/**
 * Which Host names Meshlens answers to, and which Origins may write. Pure, so that the proxy, the
 * configuration and the write guard share one definition of "the same host".
 *
 * A DNS-rebinding page reaches Meshlens under the attacker's own name (Host: evil.example:3000), so
 * refusing every Host that is not on the list keeps such a page from reading anything.
 */

/** An allowlist entry. Without `port` the entry allows the host on any port. */
export interface HostPattern {
  /** Lowercase, without a trailing dot, IPv6 in brackets (`[::1]`), IDN in punycode. */
  readonly hostname: string;
  readonly port?: number;
}

/** A host a request came for, with the ports it may have meant. */
export interface RequestHost {
  readonly hostname: string;
  /** One port when it was given; without one, the client used its scheme's default port. */
  readonly ports: readonly number[];
}

const DEFAULT_PORTS = { 'http:': 80, 'https:': 443 } as const;

// Name or bracketed IPv6, then an optional port. `%` and `,` are refused outright: URL would decode
// `loc%61lhost` to `localhost`, and a comma separates entries in ALLOWED_HOSTS.
const HOST_SYNTAX = /^(\[[0-9a-f:.]+\]|[^\s/?#@[\]:\\%,]+)(?::(\d{1,5}))?$/i;

/** The WHATWG URL parser normalises case, IPv4 shorthands, IPv6 zeros and IDN, as browsers do. */
function normalHostname(name: string): string | undefined {
  try {
    const hostname = new URL(`http://${name}`).hostname.replace(/\.$/, '');
    return hostname === '' ? undefined : hostname;
  } catch {
    return undefined;
  }
}

/** Parses `host[:port]` (a Host header or an ALLOWED_HOSTS entry); undefined when it is not one. */
export function parseHost(text: string): HostPattern | undefined {
  const match = HOST_SYNTAX.exec(text);
  if (!match?.[1]) return undefined;
  const hostname = normalHostname(match[1]);
  if (hostname === undefined) return undefined;
  if (match[2] === undefined) return { hostname };
  const port = Number(match[2]);
  return port >= 1 && port <= 65_535 ? { hostname, port } : undefined;
}

/** The host an http(s) URL or Origin names, with its port made explicit. */
export function urlHost(text: string): (HostPattern & { readonly port: number }) | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const hostname = url.hostname.replace(/\.$/, '');
  if (hostname === '') return undefined;
  return { hostname, port: url.port ? Number(url.port) : DEFAULT_PORTS[url.protocol] };
}

/** Parses a comma-separated ALLOWED_HOSTS; blank entries (a trailing comma) are skipped. */
export function parseHostList(
  text: string,
): { ok: true; hosts: HostPattern[] } | { ok: false; bad: string } {
  const hosts: HostPattern[] = [];
  for (const entry of text.split(',').map((e) => e.trim())) {
    if (entry === '') continue;
    const host = parseHost(entry);
    if (!host) return { ok: false, bad: entry };
    hosts.push(host);
  }
  return { ok: true, hosts };
}

/** Loopback on the listen port, plus the in-cluster names of the Service when the namespace is known. */
export function defaultAllowedHosts(
  port: number,
  service?: { readonly name: string; readonly namespace: string },
): HostPattern[] {
  const names = ['localhost', '127.0.0.1', '[::1]'];
  if (service) {
    const { name, namespace } = service;
    names.push(
      name,
      `${name}.${namespace}`,
      `${name}.${namespace}.svc`,
      `${name}.${namespace}.svc.cluster.local`,
    );
  }
  return names.map((hostname) => ({ hostname, port }));
}

/**
 * The host a request was sent to. X-Forwarded-Host and X-Forwarded-Proto count only behind a proxy
 * the operator trusts: anyone else can set them. Undefined when the header is missing or malformed.
 */
export function requestHost(
  headers: { get(name: string): string | null },
  trustProxy: boolean,
): RequestHost | undefined {
  const first = (name: string): string | undefined =>
    headers.get(name)?.split(',')[0]?.trim() || undefined;
  const raw = (trustProxy ? first('x-forwarded-host') : undefined) ?? headers.get('host');
  const host = raw === null ? undefined : parseHost(raw);
  if (!host) return undefined;
  if (host.port !== undefined) return { hostname: host.hostname, ports: [host.port] };
  const proto = trustProxy ? first('x-forwarded-proto')?.toLowerCase() : undefined;
  // Without a trusted proto the scheme is unknown: a TLS-terminating proxy speaks plain HTTP to us.
  const ports = proto === 'https' ? [443] : proto === 'http' ? [80] : [DEFAULT_PORTS['http:'], 443];
  return { hostname: host.hostname, ports };
}

export function hostAllowed(host: RequestHost, allowed: readonly HostPattern[]): boolean {
  return allowed.some(
    (entry) =>
      entry.hostname === host.hostname &&
      (entry.port === undefined || host.ports.includes(entry.port)),
  );
}

/** True when `origin` (an Origin header) is an http(s) origin on an allowed host and port. */
export function originAllowed(origin: string, allowed: readonly HostPattern[]): boolean {
  const host = urlHost(origin);
  return (
    host !== undefined && hostAllowed({ hostname: host.hostname, ports: [host.port] }, allowed)
  );
}
