import 'server-only';
import { z } from 'zod';
import type { KubeClient } from './client';
import { rawGet, TABLE_ACCEPT } from './raw-get';

// Ref https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
const TableWire = z.object({
  columnDefinitions: z.array(z.object({ name: z.string() })),
  rows: z
    .array(z.object({ cells: z.array(z.unknown()) }))
    .nullish()
    .transform((v) => v ?? []),
  metadata: z.object({ continue: z.string().nullish() }).nullish(),
});

/** Pages followed per namespace; a namespace with more Secrets than this leaves them all unknown. */
const MAX_PAGES = 10;
const PAGE_SIZE = 500;

/** A Secret as the table names it, shaped as a Secret for the inventory's decoder. */
export interface SecretRow {
  readonly metadata: { readonly name: string; readonly namespace: string };
  readonly type: string;
}

/** Thrown when a namespace holds more Secrets than are read: a partial list would miss some. */
export class TooManySecretsError extends Error {}

/**
 * The names and types of the Secrets in one namespace, from the API server's table with no object
 * (`includeObject=None`): neither data nor annotations (kubectl's last-applied copy holds the data)
 * are ever sent. The table has no namespace column, so it is asked per namespace.
 */
export async function listSecretRows(client: KubeClient, namespace: string): Promise<SecretRow[]> {
  const rows: SecretRow[] = [];
  let next: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ includeObject: 'None', limit: String(PAGE_SIZE) });
    if (next) query.set('continue', next);
    const table = TableWire.parse(
      await rawGet(
        client,
        `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets?${query}`,
        TABLE_ACCEPT,
      ),
    );
    const columns = table.columnDefinitions.map((c) => c.name.toLowerCase());
    const nameAt = columns.indexOf('name');
    const typeAt = columns.indexOf('type');
    // Without both columns the table says nothing reliable of the Secrets: all are unknown.
    if (nameAt < 0 || typeAt < 0) throw new Error('the Secrets table has no Name or Type column');
    for (const { cells } of table.rows) {
      const name = cells[nameAt];
      const type = cells[typeAt];
      if (typeof name === 'string' && typeof type === 'string')
        rows.push({ metadata: { name, namespace }, type });
    }
    next = table.metadata?.continue ?? undefined;
    if (!next) return rows;
  }
  throw new TooManySecretsError(
    `namespace ${namespace} holds more than ${MAX_PAGES * PAGE_SIZE} Secrets`,
  );
}
