'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { writeDecision } from '@/lib/mesh/access/write-permission';
import { ModalDialog } from '../modal-dialog';
import { useWriteSession } from '../use-write-session';
import { modeLabel } from './mtls-words';
import { StrictDialogBody } from './strict-dialog-body';
import { decidingPolicy, newPolicyName, targetText, type StrictTarget } from './strict-target';

const BUTTON =
  'rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800';

const NOTE = 'text-xs text-slate-600 dark:text-slate-400';

/**
 * "Require STRICT" for a namespace or one workload: updates the PeerAuthentication that decides it,
 * or creates one. Offered only where the session says the person may make that write; the dialog
 * loads the policy, previews with a dry run and asks to accept the callers that would break.
 */
export function RequireStrict({ target }: { target: StrictTarget }): ReactNode {
  const session = useWriteSession();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  // Once STRICT the action has nothing to do, unless its dialog is showing the write that did it.
  if ((target.mode === 'STRICT' && !open) || !session) return null;
  if (target.workload !== undefined && target.selector === undefined)
    return (
      <p data-testid="strict-unavailable" className={NOTE}>
        Meshlens cannot require STRICT for {targetText(target)}: it knows no labels to select its
        pods by.
      </p>
    );
  const deciding = decidingPolicy(target);
  const name = deciding ?? newPolicyName(target);
  const decision = writeDecision(
    session,
    deciding === undefined
      ? { verb: 'create', kind: 'PeerAuthentication', namespace: target.namespace }
      : { verb: 'update', kind: 'PeerAuthentication', namespace: target.namespace, name },
  );
  if (!decision.allowed)
    return (
      <p data-testid="strict-denied" className={NOTE}>
        Require STRICT is not offered: {decision.reason}
      </p>
    );
  const close = (): void => {
    setOpen(false);
    trigger.current?.focus();
  };
  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={BUTTON}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        title={`Write a PeerAuthentication that makes ${targetText(target)} STRICT (now ${modeLabel(target.mode)})`}
      >
        Require STRICT…<span className="sr-only"> for {targetText(target)}</span>
      </button>
      {open ? (
        <ModalDialog
          title={`Require STRICT for ${targetText(target)}`}
          titleId={titleId}
          onClose={close}
        >
          <StrictDialogBody target={target} name={name} deciding={deciding} onClose={close} />
        </ModalDialog>
      ) : null}
    </>
  );
}
