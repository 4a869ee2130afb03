import { describe, expect, it } from 'vitest';
import { parseGroupsHeader, parseUserHeader, secretMatches } from './proxy-headers';

describe('proxy headers', () => {
  it('compares the shared secret exactly', () => {
    const secret = 'k'.repeat(40);
    expect(secretMatches(secret, secret)).toBe(true);
    expect(secretMatches(`${secret}x`, secret)).toBe(false);
    expect(secretMatches(secret.slice(1), secret)).toBe(false);
    expect(secretMatches(null, secret)).toBe(false);
  });

  it('takes a plain, bounded user name', () => {
    expect(parseUserHeader('  alice@example.com ')).toBe('alice@example.com');
    expect(parseUserHeader(null)).toBeUndefined();
    expect(parseUserHeader('   ')).toBeUndefined();
    expect(parseUserHeader('a'.repeat(257))).toBeUndefined();
    expect(parseUserHeader('alice\u0000bob')).toBeUndefined();
    expect(parseUserHeader('alice,system:masters')).toBeUndefined();
  });

  it('splits groups on commas, drops empty and repeated ones, and bounds them', () => {
    expect(parseGroupsHeader('dev, ops,,dev ')).toEqual(['dev', 'ops']);
    expect(parseGroupsHeader(null)).toEqual([]);
    expect(
      parseGroupsHeader(Array.from({ length: 101 }, (_, i) => `g${i}`).join(',')),
    ).toBeUndefined();
    expect(parseGroupsHeader('ok,bad\u0007')).toBeUndefined();
  });
});
