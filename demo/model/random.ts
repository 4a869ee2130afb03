/**
 * Seeded randomness for the demo mesh. Everything random in the simulator flows from here so a
 * seed reproduces the same mesh, traffic and traces.
 */

/** mulberry32: tiny, fast, good enough for simulation; its whole state is one 32-bit integer. */
export class Rng {
  constructor(public state: number) {}

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Rounds up with probability equal to the fraction, so expected counts stay unbiased. */
  round(expected: number): number {
    const whole = Math.floor(expected);
    return whole + (this.next() < expected - whole ? 1 : 0);
  }

  hex(chars: number): string {
    let out = '';
    while (out.length < chars)
      out += Math.floor(this.next() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return out.slice(0, chars);
  }
}

/** FNV-1a: turns names into seeds so per-object randomness does not depend on iteration order. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface LogNormal {
  mu: number;
  sigma: number;
}

const Z95 = 1.6448536;

/** A log-normal with the given median and 95th percentile: long right tail, like real latencies. */
export function logNormalFrom(median: number, p95: number): LogNormal {
  return { mu: Math.log(median), sigma: Math.max(0.01, Math.log(p95 / median) / Z95) };
}

export function sampleLogNormal(rng: Rng, d: LogNormal): number {
  return Math.exp(d.mu + d.sigma * rng.normal());
}

/**
 * Mild multiplicative noise around 1 that depends only on (seed, key, time slot): live ticks and
 * backfill steps of any size see the same curve, so the backfilled past joins the live present.
 */
export function rateNoise(seed: number, key: string, timeMs: number): number {
  const slotMs = 30_000;
  const slot = Math.floor(timeMs / slotMs);
  const frac = (timeMs - slot * slotMs) / slotMs;
  const at = (s: number): number => new Rng(hashString(`${key}@${s}`, seed)).next();
  const a = at(slot);
  const b = at(slot + 1);
  const smooth = a + (b - a) * frac;
  const hourly = Math.sin((2 * Math.PI * timeMs) / 3_600_000 + (hashString(key) % 628) / 100);
  return 1 + 0.16 * (smooth - 0.5) + 0.06 * hourly;
}
