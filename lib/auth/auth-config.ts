import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AuthStrategy } from '@/lib/api/session';
import { boolFlag } from '@/lib/env-flag';

/** What the token strategy's sealed cookie needs. */
export interface SessionConfig {
  /** The iron-session password (≥ 32 characters). */
  readonly secret: string;
  /** SESSION_SECRET was unset and a random one was made at start: sessions end when Meshlens restarts. */
  readonly secretGenerated: boolean;
  /** A session unused for this long ends (sliding). */
  readonly idleSeconds: number;
  /** A session ends this long after sign-in, however busy. */
  readonly maxSeconds: number;
}

export interface HeaderAuthConfig {
  /** Lower-case header names, as Headers#get compares them. */
  readonly userHeader: string;
  readonly groupsHeader: string;
  readonly proxySecretHeader: string;
  readonly proxySecret: string;
}

export type AuthConfig =
  | { readonly strategy: 'anonymous'; readonly allowAnonymousWrites: boolean }
  | { readonly strategy: 'token'; readonly session: SessionConfig }
  | { readonly strategy: 'header'; readonly header: HeaderAuthConfig };

const MIN_SECRET_CHARS = 32;

const headerName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,100}$/, 'must be an HTTP header name (letters, digits and -)')
  .transform((v) => v.toLowerCase());

function seconds(min: number, max: number): z.ZodType<number, string> {
  return z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
      error: (issue) =>
        `must be a whole number of seconds from ${min} to ${max}, got '${String(issue.input)}'`,
    })
    .transform(Number);
}

/** The variables of sign-in, merged into lib/config.ts' schema so that one message names every bad one. */
export const AUTH_ENV_SHAPE = {
  AUTH_STRATEGY: z
    .enum(['anonymous', 'token', 'header'], {
      error: (issue) => `must be anonymous, token or header, got '${String(issue.input)}'`,
    })
    .default('anonymous'),
  ALLOW_ANONYMOUS_WRITES: boolFlag.default(false),
  SESSION_SECRET: z
    .string()
    .min(MIN_SECRET_CHARS, `must be at least ${MIN_SECRET_CHARS} characters`)
    .optional(),
  SESSION_IDLE_SECONDS: seconds(60, 7 * 24 * 3600).default(3600),
  SESSION_MAX_SECONDS: seconds(60, 30 * 24 * 3600).default(28_800),
  AUTH_HEADER_USER: headerName.default('x-forwarded-user'),
  AUTH_HEADER_GROUPS: headerName.default('x-forwarded-groups'),
  AUTH_PROXY_SECRET: z
    .string()
    .min(MIN_SECRET_CHARS, `must be at least ${MIN_SECRET_CHARS} characters`)
    .optional(),
  AUTH_PROXY_SECRET_HEADER: headerName.default('x-meshlens-proxy-secret'),
};

type AuthEnv = Readonly<z.output<z.ZodObject<typeof AUTH_ENV_SHAPE>>>;

const SECRET_KEY = Symbol.for('meshlens.generatedSessionSecret');

/**
 * One random secret per process: proxy.ts and the route handlers are bundled apart and each parse the
 * configuration, and a cookie sealed by one must open in the other.
 */
function processSecret(): string {
  const store = globalThis as { [SECRET_KEY]?: string };
  store[SECRET_KEY] ??= randomBytes(32).toString('base64url');
  return store[SECRET_KEY];
}

/**
 * The strategy's settings from the parsed variables, or an Error naming the variable. Header mode
 * needs AUTH_PROXY_SECRET: a Next route handler cannot see the peer's address, so only a secret the
 * proxy adds (and clients cannot know) proves that the user header was set by the proxy.
 */
export function toAuthConfig(e: AuthEnv, makeSecret: () => string = processSecret): AuthConfig {
  const strategy: AuthStrategy = e.AUTH_STRATEGY;
  if (strategy === 'anonymous') return { strategy, allowAnonymousWrites: e.ALLOW_ANONYMOUS_WRITES };
  if (strategy === 'token') {
    if (e.SESSION_MAX_SECONDS < e.SESSION_IDLE_SECONDS)
      throw new Error(
        `Invalid configuration: SESSION_MAX_SECONDS: must not be shorter than SESSION_IDLE_SECONDS (${e.SESSION_IDLE_SECONDS})`,
      );
    return {
      strategy,
      session: {
        secret: e.SESSION_SECRET ?? makeSecret(),
        secretGenerated: e.SESSION_SECRET === undefined,
        idleSeconds: e.SESSION_IDLE_SECONDS,
        maxSeconds: e.SESSION_MAX_SECONDS,
      },
    };
  }
  if (e.AUTH_PROXY_SECRET === undefined)
    throw new Error(
      'Invalid configuration: AUTH_PROXY_SECRET: is required with AUTH_STRATEGY=header; the auth proxy must send it in ' +
        `${e.AUTH_PROXY_SECRET_HEADER} so that a request that bypasses the proxy cannot name a user`,
    );
  return {
    strategy,
    header: {
      userHeader: e.AUTH_HEADER_USER,
      groupsHeader: e.AUTH_HEADER_GROUPS,
      proxySecretHeader: e.AUTH_PROXY_SECRET_HEADER,
      proxySecret: e.AUTH_PROXY_SECRET,
    },
  };
}
