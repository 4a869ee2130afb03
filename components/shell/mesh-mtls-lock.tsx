'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { MeshSecurity, MtlsStatus, PostureSource } from '@/lib/api/security';
import { useSecurityQuery } from '@/lib/client/use-security';
import { LockIcon } from '@/components/ui/lock-icon';
import {
  MTLS_STATUS_LABEL,
  MTLS_STATUS_MEANING,
  sourceHref,
} from '@/components/ui/security/mtls-words';

const STATUS_STYLE: Readonly<Record<MtlsStatus, string>> = {
  enabled: 'text-emerald-800 dark:text-emerald-300',
  partial: 'text-amber-800 dark:text-amber-300',
  disabled: 'text-red-800 dark:text-red-300',
  unset: 'text-slate-700 dark:text-slate-300',
};

const LINK = 'text-sky-700 underline-offset-2 hover:underline dark:text-sky-400';

/** Enforcement aside, auto mTLS decides whether sidecars encrypt to each other at all. */
function autoMtlsText(mesh: MeshSecurity): string {
  if (!mesh.autoMtls)
    return 'Auto mTLS is off: a client sends mTLS only where a DestinationRule sets ISTIO_MUTUAL.';
  return mesh.mtls === 'enabled'
    ? 'Auto mTLS is on: clients pick mTLS by themselves, and the servers require it.'
    : 'Auto mTLS is on: sidecars send mTLS to sidecars unasked, so their traffic is encrypted, but servers still accept plaintext from callers without one.';
}

function SourceItem({ source }: { source: PostureSource }): ReactNode {
  const href = sourceHref(source);
  const object =
    source.name === undefined
      ? source.kind
      : `${source.kind} ${source.namespace ? `${source.namespace}/` : ''}${source.name}`;
  return (
    <li>
      {href ? (
        <Link href={href} className={`font-medium ${LINK}`}>
          {object}
        </Link>
      ) : (
        <span className="font-medium">{object}</span>
      )}{' '}
      <span className="text-slate-500 dark:text-slate-400">({source.scope})</span>
      <span className="block text-slate-700 dark:text-slate-300">{source.detail}</span>
    </li>
  );
}

function Explanation({ mesh, id }: { mesh: MeshSecurity; id: string }): ReactNode {
  return (
    <div className="flex flex-col gap-2 text-xs">
      <h2 id={id} className="text-sm font-semibold">
        Mesh-wide: {MTLS_STATUS_LABEL[mesh.mtls]}
      </h2>
      <p>{mesh.summary}</p>
      <p className="text-slate-700 dark:text-slate-300">{MTLS_STATUS_MEANING[mesh.mtls]}</p>
      <p className="text-slate-700 dark:text-slate-300">{autoMtlsText(mesh)}</p>
      <h3 className="font-semibold">Decided by, in precedence order</h3>
      {mesh.sources.length > 0 ? (
        <ol className="flex list-decimal flex-col gap-1 pl-5" data-testid="mesh-mtls-sources">
          {mesh.sources.map((s) => (
            <SourceItem
              key={`${s.kind}/${s.namespace ?? ''}/${s.name ?? ''}/${s.detail}`}
              source={s}
            />
          ))}
        </ol>
      ) : (
        <p>No PeerAuthentication, DestinationRule or mesh config setting applies.</p>
      )}
      <Link href="/" className={LINK}>
        Each namespace&apos;s mode and who would break under STRICT →
      </Link>
    </div>
  );
}

/**
 * The header's mesh-wide mTLS lock (Kiali's mesh-wide lock): a real button, so the keyboard reaches
 * the explanation a hover tooltip would hide; the panel lists the rules that decided the status.
 */
export function MeshMtlsLock(): ReactNode {
  const { data, error } = useSecurityQuery([]);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const titleId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  if (error)
    return (
      <span className="text-xs text-slate-500 dark:text-slate-400" title={error.detail}>
        mTLS status unavailable
      </span>
    );
  if (!data) return null;
  const mesh = data.mesh;
  const auto = mesh.autoMtls && mesh.mtls !== 'enabled';
  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        data-testid="mesh-mtls"
        data-status={mesh.mtls}
        aria-expanded={open}
        aria-controls={panelId}
        title={mesh.summary}
        onClick={() => setOpen(!open)}
        className={`flex items-center gap-1 rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800 ${STATUS_STYLE[mesh.mtls]}`}
      >
        <LockIcon isOpen={mesh.mtls !== 'enabled'} />
        {MTLS_STATUS_LABEL[mesh.mtls]}
        {auto ? <span className="font-normal">· auto mTLS</span> : null}
      </button>
      {open ? (
        <section
          id={panelId}
          aria-labelledby={titleId}
          className="absolute top-9 right-0 z-50 w-96 max-w-[90vw] rounded-md border border-slate-300 bg-white p-3 text-slate-900 shadow-lg dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        >
          <Explanation mesh={mesh} id={titleId} />
        </section>
      ) : null}
    </div>
  );
}
