'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { BUTTON, DANGER_BUTTON, INPUT } from './styles';
import { ErrorText } from '@/components/ui/problem-alert';

export interface DeleteDialogProps {
  readonly kind: string;
  readonly name: string;
  readonly busy: boolean;
  readonly error?: string;
  readonly onConfirm: () => void;
}

/** Delete behind a modal that asks for the object's name, so a stray click cannot remove routing. */
export function DeleteButton({ kind, name, busy, error, onConfirm }: DeleteDialogProps): ReactNode {
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const titleId = useId();
  return (
    <>
      <button type="button" className={DANGER_BUTTON} onClick={() => dialog.current?.showModal()}>
        Delete…
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => setTyped('')}
        className="m-auto w-full max-w-md rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          Delete {kind} {name}?
        </h2>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          Traffic that this object routes falls back to the defaults at once. This cannot be undone
          from Meshlens.
        </p>
        <label htmlFor={inputId} className="mt-4 block text-sm font-medium">
          Type <strong className="font-mono">{name}</strong> to confirm
        </label>
        <input
          id={inputId}
          className={`${INPUT} mt-1 w-full font-mono`}
          value={typed}
          autoComplete="off"
          onChange={(e) => setTyped(e.target.value)}
        />
        {error && (
          <div className="mt-2">
            <ErrorText small>{error}</ErrorText>
          </div>
        )}
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={BUTTON} onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button
            type="button"
            className={DANGER_BUTTON}
            disabled={typed !== name || busy}
            onClick={onConfirm}
          >
            {busy ? 'Deleting…' : `Delete ${name}`}
          </button>
        </div>
      </dialog>
    </>
  );
}
