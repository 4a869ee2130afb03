import { describe, expect, it } from 'vitest';
import {
  assertDuration,
  assertLabelName,
  byLabels,
  labelMatchers,
  namespaceRegex,
  quoteLabelValue,
  regexEscape,
  selector,
} from './promql';

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' };

/**
 * Reads one PromQL double-quoted literal at the start of `text` the way Prometheus' lexer does and
 * returns its value and length, so a test can prove the literal ends where the quoted value ends.
 */
function readLiteral(text: string): { value: string; length: number } {
  if (text[0] !== '"') throw new Error('not a string literal');
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return { value, length: i + 1 };
    if (c === '\n') throw new Error('raw newline in literal');
    if (c === '\\') {
      const next = text[++i];
      const replacement = next === undefined ? undefined : ESCAPES[next];
      if (replacement === undefined) throw new Error(`bad escape \\${next}`);
      value += replacement;
    } else {
      value += c;
    }
  }
  throw new Error('unterminated literal');
}

const HOSTILE = [
  'a"}or vector(1)#',
  'a\\"}or vector(1)#',
  'ends with backslash\\',
  'line\nbreak',
  '"',
  '\\',
  '',
  'tab\tand\rreturn',
  'ünïcödé-名前',
];

describe('quoteLabelValue', () => {
  it.each(HOSTILE)('round-trips %j as exactly one literal', (value) => {
    const quoted = quoteLabelValue(value);
    expect(readLiteral(quoted)).toEqual({ value, length: quoted.length });
  });

  it('escapes the injection attempt', () => {
    expect(quoteLabelValue('a"}or vector(1)#')).toBe('"a\\"}or vector(1)#"');
  });
});

describe('labelMatchers', () => {
  it('builds each matcher kind and skips undefined', () => {
    expect(
      labelMatchers({
        reporter: 'source',
        destination_workload_namespace: { re: 'a|b' },
        response_code: { ne: '200' },
        source_workload: { nre: 'unknown' },
        skipped: undefined,
      }),
    ).toBe(
      '{reporter="source",destination_workload_namespace=~"a|b",response_code!="200",source_workload!~"unknown"}',
    );
  });

  it('keeps a hostile value inside its literal', () => {
    const m = labelMatchers({ destination_service_name: 'a"}or vector(1)#' });
    expect(m).toBe('{destination_service_name="a\\"}or vector(1)#"}');
    const literal = readLiteral(m.slice('{destination_service_name='.length));
    expect(literal.value).toBe('a"}or vector(1)#');
    expect(m.slice('{destination_service_name='.length + literal.length)).toBe('}');
  });

  it('refuses label names it cannot quote', () => {
    expect(() => labelMatchers({ 'a"}or vector(1)#': 'x' })).toThrow(
      'Not a valid Prometheus label name',
    );
    expect(() => assertLabelName('1abc')).toThrow();
  });

  it('renders an empty set as {}', () => {
    expect(labelMatchers({})).toBe('{}');
  });
});

describe('namespaceRegex', () => {
  it('joins and de-duplicates names', () => {
    expect(namespaceRegex(['bookinfo', 'default', 'bookinfo'])).toBe('bookinfo|default');
  });

  it('escapes regex metacharacters so each name matches only itself', () => {
    const re = namespaceRegex(['a.b', 'c|d', 'x)|.*|(y']);
    const anchored = new RegExp(`^(?:${re})$`);
    expect(anchored.test('a.b')).toBe(true);
    expect(anchored.test('axb')).toBe(false);
    expect(anchored.test('c|d')).toBe(true);
    expect(anchored.test('c')).toBe(false);
    expect(anchored.test('anything')).toBe(false);
    expect(anchored.test('x)|.*|(y')).toBe(true);
  });

  it('survives quoting into a =~ matcher', () => {
    const m = labelMatchers({
      destination_workload_namespace: { re: namespaceRegex(['a.b', 'a"}or vector(1)#']) },
    });
    const literal = readLiteral(m.slice('{destination_workload_namespace=~'.length));
    expect(literal.value).toBe('a\\.b|a"\\}or vector\\(1\\)#');
  });

  it('refuses an empty list (a regex matching nothing would be a silent empty graph)', () => {
    expect(() => namespaceRegex([])).toThrow();
  });
});

describe('helpers', () => {
  it('regexEscape escapes RE2 metacharacters', () => {
    expect(regexEscape('^a.b*c+d?(e)[f]{g}|h$\\')).toBe(
      '\\^a\\.b\\*c\\+d\\?\\(e\\)\\[f\\]\\{g\\}\\|h\\$\\\\',
    );
  });

  it('selector and byLabels check names', () => {
    expect(selector('istio_requests_total', { reporter: 'source' })).toBe(
      'istio_requests_total{reporter="source"}',
    );
    expect(() => selector('up or vector(1)')).toThrow();
    expect(byLabels(['source_workload', 'destination_workload'])).toBe(
      'by (source_workload,destination_workload)',
    );
    expect(() => byLabels(['le)'])).toThrow();
  });

  it('assertDuration accepts PromQL durations only', () => {
    expect(assertDuration('5m')).toBe('5m');
    expect(assertDuration('1h30m')).toBe('1h30m');
    expect(() => assertDuration('5m] or vector(1)')).toThrow();
  });
});
