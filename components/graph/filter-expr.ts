import type { Health, NodeKind } from '@/lib/mesh/types';

const KINDS: readonly NodeKind[] = ['workload', 'app', 'service', 'unknown', 'external'];
const HEALTHS: readonly Health[] = ['healthy', 'degraded', 'failing', 'idle', 'unknown'];

export type FilterTerm =
  | { readonly field: 'name'; readonly value: string }
  | { readonly field: 'ns'; readonly value: string }
  | { readonly field: 'kind'; readonly value: NodeKind }
  | { readonly field: 'health'; readonly value: Health };

export interface ParsedFilter {
  readonly terms: readonly FilterTerm[];
  /** One sentence per term that could not be read, for the input to show. */
  readonly errors: readonly string[];
}

export const FILTER_SYNTAX_HINT =
  'Terms separated by spaces or commas; any term matches. A word matches names (reviews), ' +
  `kind:${KINDS.join('|')}, health:${HEALTHS.join('|')}, ns:<namespace>.`;

function termOf(raw: string): FilterTerm | string {
  const colon = raw.indexOf(':');
  if (colon <= 0) return { field: 'name', value: raw.toLowerCase() };
  const field = raw.slice(0, colon).toLowerCase();
  const value = raw.slice(colon + 1).toLowerCase();
  if (field === 'kind') {
    const kind = KINDS.find((k) => k === value);
    return kind ? { field, value: kind } : `"${raw}": kind is one of ${KINDS.join(', ')}`;
  }
  if (field === 'health') {
    const health = HEALTHS.find((h) => h === value);
    return health ? { field, value: health } : `"${raw}": health is one of ${HEALTHS.join(', ')}`;
  }
  if (field === 'ns' || field === 'namespace')
    return value ? { field: 'ns', value } : `"${raw}": name a namespace`;
  return `"${raw}": unknown field ${field} (use kind:, health: or ns:)`;
}

export function parseFilter(expression: string): ParsedFilter {
  const terms: FilterTerm[] = [];
  const errors: string[] = [];
  for (const raw of expression.split(/[\s,]+/)) {
    if (raw === '') continue;
    const term = termOf(raw);
    if (typeof term === 'string') errors.push(term);
    else terms.push(term);
  }
  return { terms, errors };
}

/** What a term is matched against; edges carry only a health. */
export interface FilterSubject {
  readonly name?: string;
  readonly namespace?: string;
  readonly kind?: NodeKind;
  readonly health: Health;
}

function matchesTerm(term: FilterTerm, s: FilterSubject): boolean {
  switch (term.field) {
    case 'name':
      return s.name !== undefined && s.name.toLowerCase().includes(term.value);
    case 'ns':
      return s.namespace === term.value;
    case 'kind':
      return s.kind === term.value;
    case 'health':
      return s.health === term.value;
  }
}

/** True when any term matches; an empty filter matches nothing, so "hide" with no text hides nothing. */
export function matchesFilter(filter: ParsedFilter, subject: FilterSubject): boolean {
  return filter.terms.some((t) => matchesTerm(t, subject));
}
