export const MIN_EDGE_WIDTH = 1;
export const MAX_EDGE_WIDTH = 7;

/**
 * Edge width for a request rate (or TCP KiB/s): logarithmic, because mesh rates span five orders of
 * magnitude and a linear scale would draw every quiet edge as a hairline; bounded so a hot edge never
 * swallows its label.
 */
export function edgeWidth(rate: number): number {
  if (!(rate > 0)) return MIN_EDGE_WIDTH;
  const width = MIN_EDGE_WIDTH + 1.5 * Math.log10(1 + rate);
  return Math.min(MAX_EDGE_WIDTH, Math.round(width * 10) / 10);
}
