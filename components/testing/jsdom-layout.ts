/**
 * jsdom measures nothing and leaves `Range.getClientRects` out; CodeMirror measures ranges to draw
 * its selection and logs a TypeError each time without it. Empty rectangles are what jsdom's elements
 * report anyway.
 */
export function stubRangeLayout(): void {
  const empty = (): DOMRectList =>
    Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects = empty;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
}
