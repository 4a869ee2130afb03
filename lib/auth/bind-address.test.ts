import { describe, expect, it } from 'vitest';
import { anonymousWritesRefusal, bindHost, isLoopback } from './bind-address';

const anonymous = { strategy: 'anonymous', allowAnonymousWrites: false } as const;

describe('bindHost', () => {
  it('reads -H and --hostname from next start', () => {
    expect(bindHost(['node', 'next', 'start', '-H', '127.0.0.1'], {})).toBe('127.0.0.1');
    expect(bindHost(['node', 'next', 'start', '--hostname=0.0.0.0'], {})).toBe('0.0.0.0');
  });

  it('reads HOSTNAME only for the standalone server.js, which is where Next reads it', () => {
    expect(bindHost(['node', '/app/server.js'], { HOSTNAME: '127.0.0.1' })).toBe('127.0.0.1');
    expect(bindHost(['node', '/app/server.js'], {})).toBe('0.0.0.0');
    expect(bindHost(['node', 'next', 'start'], { HOSTNAME: 'my-laptop' })).toBe('0.0.0.0');
  });
});

describe('anonymousWritesRefusal', () => {
  it('refuses anonymous writes on a reachable address, saying why and what to set', () => {
    const message = anonymousWritesRefusal(anonymous, false, '0.0.0.0');
    expect(message).toMatch(/not loopback/);
    expect(message).toMatch(/ALLOW_ANONYMOUS_WRITES=true/);
    expect(message).toMatch(/AUTH_STRATEGY=token/);
  });

  it('allows loopback, read-only, an explicit allow, and every other strategy', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]'])
      expect(isLoopback(host)).toBe(true);
    expect(anonymousWritesRefusal(anonymous, false, '127.0.0.1')).toBeUndefined();
    expect(anonymousWritesRefusal(anonymous, true, '0.0.0.0')).toBeUndefined();
    expect(
      anonymousWritesRefusal({ ...anonymous, allowAnonymousWrites: true }, false, '0.0.0.0'),
    ).toBeUndefined();
    const token = {
      strategy: 'token',
      session: { secret: 'x'.repeat(32), secretGenerated: false, idleSeconds: 60, maxSeconds: 60 },
    } as const;
    expect(anonymousWritesRefusal(token, false, '0.0.0.0')).toBeUndefined();
  });
});
