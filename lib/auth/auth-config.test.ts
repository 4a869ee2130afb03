import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';

const base = { PROMETHEUS_URL: 'http://127.0.0.1:9090' };
const SECRET = 's'.repeat(32);

describe('AUTH_STRATEGY and its variables', () => {
  it('defaults to anonymous without anonymous writes allowed', () => {
    expect(parseConfig(base).auth).toEqual({ strategy: 'anonymous', allowAnonymousWrites: false });
    expect(parseConfig({ ...base, ALLOW_ANONYMOUS_WRITES: 'true' }).auth).toEqual({
      strategy: 'anonymous',
      allowAnonymousWrites: true,
    });
  });

  it('reads the token strategy with its session limits', () => {
    const auth = parseConfig({
      ...base,
      AUTH_STRATEGY: 'token',
      SESSION_SECRET: SECRET,
      SESSION_IDLE_SECONDS: '600',
      SESSION_MAX_SECONDS: '7200',
    }).auth;
    expect(auth).toEqual({
      strategy: 'token',
      session: { secret: SECRET, secretGenerated: false, idleSeconds: 600, maxSeconds: 7200 },
    });
  });

  it('makes one random secret per process when SESSION_SECRET is unset, and says so', () => {
    const a = parseConfig({ ...base, AUTH_STRATEGY: 'token' }).auth;
    const b = parseConfig({ ...base, AUTH_STRATEGY: 'token' }).auth;
    if (a.strategy !== 'token' || b.strategy !== 'token') throw new Error('not token');
    expect(a.session.secretGenerated).toBe(true);
    expect(a.session.secret.length).toBeGreaterThanOrEqual(32);
    expect(b.session.secret).toBe(a.session.secret);
    expect(a.session).toMatchObject({ idleSeconds: 3600, maxSeconds: 28_800 });
  });

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ ...base, AUTH_STRATEGY: 'oidc' })).toThrow(
      /AUTH_STRATEGY: must be anonymous, token or header, got 'oidc'/,
    );
    expect(() => parseConfig({ ...base, AUTH_STRATEGY: 'token', SESSION_SECRET: 'short' })).toThrow(
      /SESSION_SECRET: must be at least 32 characters/,
    );
    expect(() => parseConfig({ ...base, SESSION_IDLE_SECONDS: '10' })).toThrow(
      /SESSION_IDLE_SECONDS/,
    );
    expect(() =>
      parseConfig({
        ...base,
        AUTH_STRATEGY: 'token',
        SESSION_IDLE_SECONDS: '7200',
        SESSION_MAX_SECONDS: '3600',
      }),
    ).toThrow(/SESSION_MAX_SECONDS: must not be shorter than SESSION_IDLE_SECONDS/);
    expect(() => parseConfig({ ...base, AUTH_HEADER_USER: 'X User' })).toThrow(/AUTH_HEADER_USER/);
  });

  it('requires the proxy secret in header mode and lower-cases header names', () => {
    expect(() => parseConfig({ ...base, AUTH_STRATEGY: 'header' })).toThrow(
      /AUTH_PROXY_SECRET: is required with AUTH_STRATEGY=header/,
    );
    expect(
      parseConfig({
        ...base,
        AUTH_STRATEGY: 'header',
        AUTH_PROXY_SECRET: SECRET,
        AUTH_HEADER_USER: 'X-Auth-Request-User',
      }).auth,
    ).toEqual({
      strategy: 'header',
      header: {
        userHeader: 'x-auth-request-user',
        groupsHeader: 'x-forwarded-groups',
        proxySecretHeader: 'x-meshlens-proxy-secret',
        proxySecret: SECRET,
      },
    });
  });
});
