import { describe, expect, it } from 'vitest';
import { EDGE_LABEL_MODES } from './url-state';
import { graphStylesheet, styledDataFields } from './graph-styles';

/** Data fields named by a selector (`[health = "x"]`, `[?outside]`) or a `data(field)` mapping. */
function fieldsRead(sheet: ReturnType<typeof graphStylesheet>): Set<string> {
  const out = new Set<string>();
  for (const { selector, style } of sheet as { selector: string; style: object }[]) {
    for (const m of selector.matchAll(/\[[?!^]*\s*([a-zA-Z]+)/g)) if (m[1]) out.add(m[1]);
    for (const value of Object.values(style))
      for (const m of String(value).matchAll(/data\(([a-zA-Z]+)\)/g)) if (m[1]) out.add(m[1]);
  }
  return out;
}

describe('styledDataFields', () => {
  it.each(EDGE_LABEL_MODES)('names every field the stylesheet reads with %s labels', (labels) => {
    for (const theme of ['light', 'dark'] as const)
      for (const animate of [false, true]) {
        const read = fieldsRead(graphStylesheet({ theme, labels, animate }));
        expect([...read].filter((f) => !styledDataFields(labels).has(f))).toEqual([]);
      }
  });

  it('leaves out the labels that are not drawn', () => {
    expect(styledDataFields('none').has('rateLabel')).toBe(false);
    expect(styledDataFields('rate').has('rateLabel')).toBe(true);
    expect(styledDataFields('rate').has('p95Label')).toBe(false);
  });
});
