import 'server-only';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  defaultAllowedHosts,
  parseHostList,
  urlHost,
  type HostPattern,
} from '@/lib/security/allowed-hosts';
import { boolFlag } from '@/lib/env-flag';
import { AUTH_ENV_SHAPE, toAuthConfig, type AuthConfig } from '@/lib/auth/auth-config';
import { NamespaceList } from './config-namespaces';

export type PrometheusAuth =
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string };

export interface PrometheusConfig {
  readonly url: string;
  readonly auth?: PrometheusAuth;
  /** PEM text of the CA bundle to trust, read from PROMETHEUS_CA_FILE. */
  readonly ca?: string;
  readonly timeoutMs: number;
}

export interface JaegerConfig {
  readonly url: string;
  /** Unset means: detect which API the server speaks. */
  readonly api?: 'v1' | 'v3';
  readonly timeoutMs: number;
}

/** Where the Kubernetes credentials come from, in the order kubectl would look. */
export type KubeSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'in-cluster' }
  | { readonly kind: 'default' };

export interface Config {
  readonly prometheus: PrometheusConfig;
  readonly jaeger?: JaegerConfig;
  /** Base URL of the Jaeger UI, for "open in Jaeger" links. */
  readonly jaegerUiUrl?: string;
  readonly kube: KubeSource;
  /** Bound on every Kubernetes API call; a watch is instead expected to speak within a known interval. */
  readonly kubeTimeoutMs: number;
  /**
   * NAMESPACES: watch only these namespaces, with namespaced calls only (a Role per namespace is enough).
   * Unset: watch the whole cluster.
   */
  readonly namespaces?: readonly string[];
  /** ISTIO_NAMESPACE: the control plane's namespace, where ConfigMap `istio` holds the mesh config. */
  readonly istioNamespace: string;
  readonly port: number;
  readonly readOnly: boolean;
  readonly meshName: string;
  /** The Host names Meshlens answers to and the Origins it accepts writes from. */
  readonly allowedHosts: readonly HostPattern[];
  /** Believe X-Forwarded-Host / X-Forwarded-Proto (TRUST_PROXY): only a proxy in front may set them. */
  readonly trustProxy: boolean;
  /** AUTH_STRATEGY and its settings: who a request acts for (lib/auth/request-identity.ts). */
  readonly auth: AuthConfig;
  /** PUBLIC_URL is https: the session cookie is Secure whatever the request says. */
  readonly httpsPublicUrl: boolean;
}

/** The Service deploy/meshlens.yaml creates; its in-cluster names are allowed when POD_NAMESPACE is set. */
const SERVICE_NAME = 'meshlens';

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { error: (issue) => `must be an http(s) URL, got '${String(issue.input)}'` },
);

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const hostList = z.string().transform((value, ctx) => {
  const parsed = parseHostList(value);
  if (parsed.ok) return parsed.hosts;
  ctx.addIssue({
    code: 'custom',
    input: value,
    message: `'${parsed.bad}' is not a host or host:port (e.g. meshlens.example.com or meshlens.example.com:8080)`,
  });
  return z.NEVER;
});

function intIn(min: number, max: number): z.ZodType<number, string> {
  return z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
      error: (issue) => `must be an integer from ${min} to ${max}, got '${String(issue.input)}'`,
    })
    .transform(Number);
}

const EnvSchema = z.object({
  PROMETHEUS_URL: httpUrl,
  PROMETHEUS_TOKEN: nonEmpty.optional(),
  PROMETHEUS_USERNAME: nonEmpty.optional(),
  PROMETHEUS_PASSWORD: z.string().optional(),
  PROMETHEUS_CA_FILE: nonEmpty.optional(),
  PROMETHEUS_TIMEOUT_MS: intIn(1, 600_000).default(8000),
  JAEGER_URL: httpUrl.optional(),
  JAEGER_UI_URL: httpUrl.optional(),
  JAEGER_API: z
    .enum(['v1', 'v3'], { error: (issue) => `must be v1 or v3, got '${String(issue.input)}'` })
    .optional(),
  KUBECONFIG: nonEmpty.optional(),
  KUBERNETES_SERVICE_HOST: z.string().optional(),
  KUBE_TIMEOUT_MS: intIn(100, 600_000).default(10_000),
  NAMESPACES: NamespaceList.optional(),
  ISTIO_NAMESPACE: nonEmpty.default('istio-system'),
  PORT: intIn(1, 65_535).default(3000),
  READ_ONLY: boolFlag.default(false),
  MESH_NAME: nonEmpty.default('mesh'),
  ALLOWED_HOSTS: hostList.optional(),
  PUBLIC_URL: httpUrl.optional(),
  TRUST_PROXY: boolFlag.default(false),
  POD_NAMESPACE: nonEmpty.optional(),
  ...AUTH_ENV_SHAPE,
});

type Env = Readonly<Record<string, string | undefined>>;

/** Empty strings count as unset: `FOO= npm start` and an unset FOO mean the same to a person. */
function withoutEmpty(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env))
    if (value !== undefined && value !== '') out[key] = value;
  return out;
}

/**
 * Parses the environment into a Config, or throws an Error whose message names each bad variable,
 * e.g. "PROMETHEUS_URL: must be an http(s) URL, got 'foo'". Pure apart from reading the CA file,
 * which goes through `readFile` so tests can supply it.
 */
export function parseConfig(
  env: Env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): Config {
  const parsed = EnvSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.map(String).join('.');
      return issue.code === 'invalid_type' && issue.input === undefined
        ? `${name}: is required`
        : `${name}: ${issue.message}`;
    });
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;

  if (e.PROMETHEUS_TOKEN && e.PROMETHEUS_USERNAME) {
    throw new Error(
      'Invalid configuration: PROMETHEUS_TOKEN: cannot be combined with PROMETHEUS_USERNAME; choose bearer or basic auth',
    );
  }
  if (e.PROMETHEUS_PASSWORD !== undefined && !e.PROMETHEUS_USERNAME) {
    throw new Error(
      'Invalid configuration: PROMETHEUS_PASSWORD: is set but PROMETHEUS_USERNAME is not',
    );
  }
  const auth: PrometheusAuth | undefined = e.PROMETHEUS_TOKEN
    ? { kind: 'bearer', token: e.PROMETHEUS_TOKEN }
    : e.PROMETHEUS_USERNAME
      ? { kind: 'basic', username: e.PROMETHEUS_USERNAME, password: e.PROMETHEUS_PASSWORD ?? '' }
      : undefined;

  let ca: string | undefined;
  if (e.PROMETHEUS_CA_FILE) {
    try {
      ca = readFile(e.PROMETHEUS_CA_FILE);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(
        `Invalid configuration: PROMETHEUS_CA_FILE: cannot read '${e.PROMETHEUS_CA_FILE}': ${reason}`,
      );
    }
    if (!ca.includes('-----BEGIN CERTIFICATE-----')) {
      throw new Error(
        `Invalid configuration: PROMETHEUS_CA_FILE: '${e.PROMETHEUS_CA_FILE}' holds no PEM certificate`,
      );
    }
  }

  const kube: KubeSource = e.KUBECONFIG
    ? { kind: 'file', path: e.KUBECONFIG }
    : e.KUBERNETES_SERVICE_HOST
      ? { kind: 'in-cluster' }
      : { kind: 'default' };

  const publicHost = e.PUBLIC_URL === undefined ? undefined : urlHost(e.PUBLIC_URL);
  const allowedHosts = [
    ...defaultAllowedHosts(
      e.PORT,
      e.POD_NAMESPACE ? { name: SERVICE_NAME, namespace: e.POD_NAMESPACE } : undefined,
    ),
    ...(publicHost ? [publicHost] : []),
    ...(e.ALLOWED_HOSTS ?? []),
  ];

  return {
    prometheus: {
      url: e.PROMETHEUS_URL,
      ...(auth && { auth }),
      ...(ca !== undefined && { ca }),
      timeoutMs: e.PROMETHEUS_TIMEOUT_MS,
    },
    ...(e.JAEGER_URL && {
      jaeger: {
        url: e.JAEGER_URL,
        ...(e.JAEGER_API && { api: e.JAEGER_API }),
        timeoutMs: e.PROMETHEUS_TIMEOUT_MS,
      },
    }),
    ...(e.JAEGER_UI_URL && { jaegerUiUrl: e.JAEGER_UI_URL }),
    kube,
    kubeTimeoutMs: e.KUBE_TIMEOUT_MS,
    ...(e.NAMESPACES && { namespaces: e.NAMESPACES }),
    istioNamespace: e.ISTIO_NAMESPACE,
    port: e.PORT,
    readOnly: e.READ_ONLY,
    meshName: e.MESH_NAME,
    allowedHosts,
    trustProxy: e.TRUST_PROXY,
    auth: toAuthConfig(e),
    httpsPublicUrl: e.PUBLIC_URL?.startsWith('https:') === true,
  };
}

let cached: Config | undefined;

/** The process configuration, parsed from process.env on first use and then kept. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** A URL fit for /api/status and logs: no user info, no query string (tokens hide there too). */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return '(invalid URL)';
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    // URL#toString adds a slash to a bare origin; show the URL as the person configured it.
    return u.pathname === '/' && !url.endsWith('/') ? u.origin : u.toString();
  } catch {
    return '(invalid URL)';
  }
}
