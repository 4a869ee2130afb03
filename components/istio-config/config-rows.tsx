import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ConfigListItem, OtherConfigItem } from '@/lib/api/istio';
import { kindLabel } from '@/lib/mesh/istio/kinds';
import { editorHref } from '@/components/ui/istio-links';
import { statusOf, ValidationSummary } from '@/components/ui/validation-status';
import { LINK } from './styles';

/** A row's status: the findings' worst severity, or "unchecked" for a kind nothing looked at. */
export type RowStatus = ReturnType<typeof statusOf> | 'unchecked';

export function rowStatus(item: ConfigListItem): RowStatus {
  return !item.editable && !item.checked ? 'unchecked' : statusOf(item.validations);
}

/** The group of an apiVersion (`gateway.networking.k8s.io/v1alpha2` → its group, `v1` → core). */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * The workload a Deployment's pod belongs to, from the name the ReplicaSet gave it
 * (`<deployment>-<template hash>-<5 characters>`); other pods' names say nothing reliable.
 */
function podWorkload(podName: string): string | undefined {
  return /^(.+)-[a-z0-9]{6,10}-[a-z0-9]{5}$/.exec(podName)?.[1];
}

const seg = encodeURIComponent;

/** Where Meshlens shows a Kubernetes object of the list: its workload or service page, a namespace's workloads. */
function pageOf(item: OtherConfigItem): { href: string; label: string } | undefined {
  const core = groupOf(item.apiVersion) === '';
  if (item.kind === 'Service' && core)
    return { href: `/services/${seg(item.namespace)}/${seg(item.name)}`, label: 'service page' };
  if (item.kind === 'Deployment' && groupOf(item.apiVersion) === 'apps')
    return { href: `/workloads/${seg(item.namespace)}/${seg(item.name)}`, label: 'workload page' };
  if (item.kind === 'Namespace' && core)
    return { href: `/workloads?namespaces=${seg(item.name)}`, label: 'workloads list' };
  const workload = item.kind === 'Pod' && core ? podWorkload(item.name) : undefined;
  return workload
    ? { href: `/workloads/${seg(item.namespace)}/${seg(workload)}`, label: `workload ${workload}` }
    : undefined;
}

function NotChecked({ kind }: { kind: string }): ReactNode {
  return (
    <div className="flex items-start gap-2">
      <span className="inline-flex items-center gap-1.5 rounded-full border border-dashed border-slate-500 bg-slate-100 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-slate-800 dark:bg-slate-800 dark:text-slate-200">
        <span aria-hidden className="font-bold">
          ?
        </span>
        Not checked
      </span>
      <span className="text-slate-700 dark:text-slate-300">
        Meshlens does not read {kind}; nothing checked it.
      </span>
    </div>
  );
}

function KindCell({ item }: { item: ConfigListItem }): ReactNode {
  if (item.editable) return kindLabel(item.kind);
  const group = groupOf(item.apiVersion);
  return (
    <>
      {item.kind}
      <span className="block text-xs text-slate-600 dark:text-slate-400">
        {group === '' ? 'Kubernetes core' : group}
      </span>
    </>
  );
}

function NameCell({ item }: { item: ConfigListItem }): ReactNode {
  if (item.editable)
    return (
      <Link className={LINK} href={editorHref(item)}>
        {item.name}
      </Link>
    );
  const page = pageOf(item);
  if (!page) return item.name;
  if (item.kind === 'Pod')
    return (
      <>
        {item.name}
        <Link className={`${LINK} block text-xs`} href={page.href}>
          {page.label} →
        </Link>
      </>
    );
  return (
    <Link className={LINK} href={page.href} title={`Open the ${page.label} of ${item.name}`}>
      {item.name}
    </Link>
  );
}

const COLUMNS = ['Kind', 'Namespace', 'Name', 'Validation'] as const;

function StatusCell({ item }: { item: ConfigListItem }): ReactNode {
  return rowStatus(item) === 'unchecked' ? (
    <NotChecked kind={item.kind} />
  ) : (
    <ValidationSummary validations={item.validations} />
  );
}

/** The config list's table: Istio objects to edit, and the other objects the checks are about. */
export function ConfigTable({ items }: { items: readonly ConfigListItem[] }): ReactNode {
  if (items.length === 0)
    return <p className="text-slate-600 dark:text-slate-300">No objects match these filters.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-100 text-xs tracking-wide text-slate-700 uppercase dark:bg-slate-800 dark:text-slate-300">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="px-3 py-2">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white dark:divide-slate-700 dark:bg-slate-900">
          {items.map((item) => (
            <tr
              key={`${item.editable ? item.kind : item.apiVersion + '/' + item.kind}/${item.namespace}/${item.name}`}
              data-testid="istio-row"
              data-kind={item.kind}
              data-namespace={item.namespace}
              data-name={item.name}
              data-status={rowStatus(item)}
              data-editable={item.editable}
            >
              <td className="px-3 py-2 whitespace-nowrap">
                <KindCell item={item} />
              </td>
              <td className="px-3 py-2">
                {item.namespace === '' ? (
                  <i title="cluster-scoped: no namespace">cluster</i>
                ) : (
                  item.namespace
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <NameCell item={item} />
              </td>
              <td className="px-3 py-2">
                <StatusCell item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
