/**
 * Hostile YAML texts for the tests: each small, each exhausting a parser that expands or recurses
 * without a bound.
 */

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings once expanded, under 400 bytes. */
export function billionLaughs(levels = 9): string {
  const lines = [
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata: {name: lol}',
  ];
  lines.push('a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]');
  for (let i = 1; i < levels; i++) {
    const prev = `*a${i - 1}`;
    lines.push(`a${i}: &a${i} [${Array(9).fill(prev).join(',')}]`);
  }
  lines.push(`spec: {hosts: *a${levels - 1}}`);
  return lines.join('\n');
}

/** A flow sequence nested `depth` levels deep. */
export function deepNesting(depth = 5000): string {
  return `spec: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}
