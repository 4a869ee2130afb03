import { describe, expect, it } from 'vitest';
import { revokeSession } from './revoked-sessions';
import { openSession, readSessionCookie, sealSession, sessionSetCookie } from './session';

const cfg = { secret: 'p'.repeat(32), secretGenerated: false, idleSeconds: 600, maxSeconds: 3600 };
const T0 = Date.now();
const data = {
  sid: 'sid-0123456789abcdef',
  token: 'tok',
  user: 'viewer',
  groups: ['system:authenticated'],
  issuedAt: T0,
  lastSeen: T0,
};

describe('the sealed session', () => {
  it('opens what it sealed, re-sealing once lastSeen is a minute old', async () => {
    const seal = await sealSession(data, cfg);
    expect(seal).not.toContain('tok');
    const fresh = await openSession(seal, cfg, T0 + 1000);
    expect(fresh?.data.user).toBe('viewer');
    expect(fresh?.resealed).toBeUndefined();
    expect(fresh?.expiresAt).toBe(T0 + 3_600_000);
    const later = await openSession(seal, cfg, T0 + 120_000);
    expect(later?.resealed).toBeDefined();
    // Past the first seal's idle end, the re-sealed one still holds: it was seen at T0 + 2 min.
    expect(await openSession(seal, cfg, T0 + 710_000)).toBeUndefined();
    const again = await openSession(later?.resealed, cfg, T0 + 710_000);
    expect(again?.data.user).toBe('viewer');
  });

  it('refuses an idle, tampered, foreign or revoked seal', async () => {
    const seal = await sealSession(data, cfg);
    expect(await openSession(seal, cfg, T0 + 600_000)).toBeUndefined();
    expect(await openSession(`${seal.slice(0, -2)}xx`, cfg, T0)).toBeUndefined();
    expect(await openSession(seal, { ...cfg, secret: 'q'.repeat(32) }, T0)).toBeUndefined();
    const other = await sealSession({ ...data, sid: 'sid-revoked-000000000' }, cfg);
    revokeSession('sid-revoked-000000000', T0 + 3_600_000, T0);
    expect(await openSession(other, cfg, T0 + 1)).toBeUndefined();
  });

  it('writes an HttpOnly, SameSite=Strict cookie, Secure only over HTTPS', () => {
    const cookie = sessionSetCookie('SEAL', T0 + 3_600_000, false, T0);
    expect(cookie).toBe('meshlens_session=SEAL; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict');
    expect(sessionSetCookie('SEAL', T0 + 1000, true, T0)).toMatch(/; Secure$/);
    expect(readSessionCookie('a=1; meshlens_session=SEAL; b=2')).toBe('SEAL');
    expect(readSessionCookie('a=1')).toBeUndefined();
  });
});
