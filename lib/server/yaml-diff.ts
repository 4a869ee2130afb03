import 'server-only';
import { structuredPatch } from 'diff';
import { stringify } from 'yaml';
import type { DiffLine } from '@/lib/api/traffic';
import type { IstioObject } from '@/lib/mesh/types';

/**
 * The object as a person would write it in YAML. resourceVersion is left out: it changes on every
 * write and would make each diff look like a change to metadata.
 */
export function toManifestYaml(obj: IstioObject): string {
  const labels = Object.keys(obj.labels).length > 0 ? { labels: obj.labels } : {};
  return stringify({
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    metadata: { name: obj.name, namespace: obj.namespace, ...labels },
    spec: obj.spec,
  });
}

/** A line diff of two objects' YAML with 3 lines of context, empty when they are the same. */
export function yamlDiff(before: IstioObject, after: IstioObject): DiffLine[] {
  const patch = structuredPatch(
    'live',
    'new',
    toManifestYaml(before),
    toManifestYaml(after),
    '',
    '',
    {
      context: 3,
    },
  );
  const lines: DiffLine[] = [];
  for (const hunk of patch.hunks) {
    lines.push({
      kind: 'hunk',
      text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    });
    for (const line of hunk.lines) {
      if (line.startsWith('\\')) continue;
      const kind = line.startsWith('+') ? 'add' : line.startsWith('-') ? 'remove' : 'context';
      lines.push({ kind, text: line.slice(1) });
    }
  }
  return lines;
}
