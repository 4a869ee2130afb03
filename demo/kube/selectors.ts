import { badRequest } from './status';
import type { ResourceDef } from './resources';
import type { KubeObject } from './types';

type Requirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'in' | 'notin'; values: readonly string[] }
  | { key: string; op: 'gt' | 'lt'; value: number };

export type Matcher = (obj: KubeObject) => boolean;

/** Splits on commas outside parentheses ("a in (x,y),b" has two requirements). */
function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const SET_RE = /^([^\s!=<>(),]+)\s+(in|notin)\s*\(([^)]*)\)$/;
const EQ_RE = /^([^\s!=<>(),]+)\s*(==|=|!=|>|<)\s*([^\s!=<>(),]*)$/;
const KEY_RE = /^(!?)\s*([^\s!=<>(),]+)$/;

function parseRequirement(text: string): Requirement {
  const set = SET_RE.exec(text);
  if (set) {
    const [, key = '', op, list = ''] = set;
    return { key, op: op === 'in' ? 'in' : 'notin', values: list.split(',').map((v) => v.trim()) };
  }
  const eq = EQ_RE.exec(text);
  if (eq) {
    const [, key = '', op, value = ''] = eq;
    if (op === '>' || op === '<') {
      const n = Number(value);
      if (value === '' || !Number.isInteger(n)) {
        throw badRequest(
          `unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`,
        );
      }
      return { key, op: op === '>' ? 'gt' : 'lt', value: n };
    }
    return { key, op: op === '!=' ? 'notin' : 'in', values: [value] };
  }
  const bare = KEY_RE.exec(text);
  if (bare) return { key: bare[2] ?? '', op: bare[1] === '!' ? 'notexists' : 'exists' };
  throw badRequest(`unable to parse requirement: found '${text}', expected: identifier`);
}

function matches(req: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, req.key);
  const value = labels[req.key];
  switch (req.op) {
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    case 'in':
      return has && req.values.includes(value ?? '');
    case 'notin':
      return !has || !req.values.includes(value ?? '');
    case 'gt':
    case 'lt': {
      const n = Number(value);
      if (!has || !Number.isInteger(n)) return false;
      return req.op === 'gt' ? n > req.value : n < req.value;
    }
  }
}

/** Parses a labelSelector query value (=, ==, !=, in, notin, key, !key, >, <). */
export function parseLabelSelector(selector: string | null): Matcher {
  if (!selector) return () => true;
  const requirements = splitTopLevel(selector).map(parseRequirement);
  return (obj) => requirements.every((r) => matches(r, obj.metadata.labels ?? {}));
}

function fieldValue(obj: KubeObject, path: string): string {
  let current: unknown = obj;
  for (const segment of path.split('.')) {
    if (!current || typeof current !== 'object') return '';
    current = (current as Record<string, unknown>)[segment];
  }
  return typeof current === 'string' ? current : current === undefined ? '' : String(current);
}

/** Parses a fieldSelector; like the real server, only fields the resource indexes are accepted. */
export function parseFieldSelector(selector: string | null, def: ResourceDef): Matcher {
  if (!selector) return () => true;
  const known = [
    'metadata.name',
    ...(def.namespaced ? ['metadata.namespace'] : []),
    ...def.selectableFields,
  ];
  const terms = selector
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((term) => {
      const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
      if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
      const [, field = '', op, value = ''] = m;
      if (!known.includes(field)) {
        throw badRequest(
          def.customResource
            ? `"${field}" is not a known field selector: only ${known.map((f) => `"${f}"`).join(', ')}`
            : `field label not supported: ${field}`,
        );
      }
      return { field, negate: op === '!=', value };
    });
  return (obj) => terms.every((t) => (fieldValue(obj, t.field) === t.value) !== t.negate);
}
