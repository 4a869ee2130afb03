import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { parsePath, type PathSegment } from './path';

/** A parsed YAML text that can say on which line a path of its object sits. */
export interface YamlPositions {
  /**
   * The 1-based line of the key (or list item) the path names. A path that goes past what the text
   * holds (a required field that is missing) lands on its deepest existing ancestor.
   */
  lineOf(path: string | readonly PathSegment[]): number;
}

function keyMatches(key: unknown, segment: PathSegment): boolean {
  const value = isScalar(key) ? key.value : key;
  return String(value) === String(segment);
}

/** Builds the lookup from a document parsed with this LineCounter. */
export function yamlPositions(doc: Document, lineCounter: LineCounter): YamlPositions {
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const firstLine = (): number => {
    const start = doc.contents?.range?.[0];
    return start === undefined ? 1 : lineAt(start);
  };
  return {
    lineOf(path) {
      const segments = typeof path === 'string' ? (parsePath(path) ?? []) : path;
      let node: Node | null | undefined = doc.contents;
      let line = firstLine();
      for (const segment of segments) {
        if (isMap(node)) {
          const pair = node.items.find((p) => keyMatches(p.key, segment));
          if (!pair) break;
          const keyNode = pair.key as Node | null;
          if (keyNode?.range) line = lineAt(keyNode.range[0]);
          node = pair.value as Node | null;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item = node.items[segment] as Node | undefined;
          if (!item) break;
          if (item.range) line = lineAt(item.range[0]);
          node = item;
        } else {
          break;
        }
      }
      return line;
    },
  };
}

/** Parses `text` and returns its positions lookup; for one-off use (tests, small documents). */
export function positionsOfText(text: string): YamlPositions {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return yamlPositions(doc, lineCounter);
}
