import { describe, expect, it } from 'vitest';
import { judgeSession, sessionEndsAt } from './session-expiry';

const limits = { idleSeconds: 600, maxSeconds: 3600 };
const T0 = 1_700_000_000_000;

describe('judgeSession', () => {
  it('is valid within both limits and refreshes lastSeen at most once a minute', () => {
    expect(judgeSession({ issuedAt: T0, lastSeen: T0 }, limits, T0 + 30_000)).toEqual({
      state: 'valid',
      refresh: false,
    });
    expect(judgeSession({ issuedAt: T0, lastSeen: T0 }, limits, T0 + 60_000)).toEqual({
      state: 'valid',
      refresh: true,
    });
  });

  it('ends when unused for the idle time', () => {
    expect(judgeSession({ issuedAt: T0, lastSeen: T0 }, limits, T0 + 600_000)).toEqual({
      state: 'expired',
      why: 'idle',
    });
  });

  it('ends at the absolute limit however recently it was used', () => {
    const busy = { issuedAt: T0, lastSeen: T0 + 3_599_000 };
    expect(judgeSession(busy, limits, T0 + 3_600_000)).toEqual({
      state: 'expired',
      why: 'absolute',
    });
    expect(sessionEndsAt(busy, limits)).toBe(T0 + 3_600_000);
  });

  it('refuses a session from the future', () => {
    expect(judgeSession({ issuedAt: T0 + 120_000, lastSeen: T0 }, limits, T0)).toEqual({
      state: 'expired',
      why: 'future',
    });
  });
});
