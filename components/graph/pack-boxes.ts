export interface BoxSize {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Top-left corners for boxes packed in rows (in the given order) so that the whole is roughly as wide
 * as `aspect` times its height: a wide canvas shows a wide picture without zooming out to specks.
 */
export function packBoxes(
  boxes: readonly BoxSize[],
  gap: number,
  aspect = 1.6,
): Map<string, { x: number; y: number }> {
  const area = boxes.reduce((sum, b) => sum + (b.width + gap) * (b.height + gap), 0);
  const widest = boxes.reduce((max, b) => Math.max(max, b.width), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area * aspect));
  const out = new Map<string, { x: number; y: number }>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const b of boxes) {
    if (x > 0 && x + b.width > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    out.set(b.id, { x, y });
    x += b.width + gap;
    rowHeight = Math.max(rowHeight, b.height);
  }
  return out;
}
