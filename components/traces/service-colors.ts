/**
 * Bar colours per service: mid-tone hues that read on light and dark backgrounds. Red is left out:
 * it means "error" here, and errors are also marked with an icon, never by colour alone. Amber is
 * left out too: it marks the chosen edge's spans.
 */
const PALETTE = [
  '#0ea5e9', // sky
  '#8b5cf6', // violet
  '#10b981', // emerald
  '#ec4899', // pink
  '#14b8a6', // teal
  '#6366f1', // indigo
  '#84cc16', // lime
  '#06b6d4', // cyan
  '#d946ef', // fuchsia
  '#a16207', // yellow-brown
  '#64748b', // slate
] as const;

/** A colour for each service, in the order given, so a trace's services never share one while they last. */
export function serviceColors(services: readonly string[]): ReadonlyMap<string, string> {
  return new Map(services.map((s, i) => [s, PALETTE[i % PALETTE.length] ?? '#64748b']));
}
