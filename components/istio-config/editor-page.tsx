'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useState, type ReactNode } from 'react';
import type { IstioObjectDocument } from '@/lib/api/istio';
import { dryRunThenApply } from '@/lib/client/dry-run-then-apply';
import {
  useIstioObjectQuery,
  useIstioWriteMutation,
  validateIstioYaml,
} from '@/lib/client/use-istio-config';
import { kindLabel, type IstioKindName } from '@/lib/mesh/istio/kinds';
import type { LocatedValidation } from '@/lib/mesh/validations/types';
import { objectWriteDecision } from '@/lib/mesh/access/write-permission';
import { WEIGHT_RULE_HELP } from '@/lib/mesh/traffic/weights';
import { ErrorText } from '@/components/ui/problem-alert';
import { IstioPageHeader } from './istio-page-header';
import { ApplyAnyway } from './apply-anyway';
import { AuthorizationPreview } from './authorization-preview';
import { DeleteButton } from './delete-dialog';
import { DiffView } from './diff-view';
import {
  conflictCurrent,
  overridableErrors,
  problemDetail,
  problemValidations,
} from './problem-validations';
import { BUTTON, PANEL, PRIMARY_BUTTON } from './styles';
import { useWriteSession } from './use-write-access';
import { ValidationList } from './validation-list';
import { YamlEditor } from './yaml-editor';

export interface IstioEditorProps {
  readonly namespace: string;
  readonly kind: IstioKindName;
  readonly name: string;
}

/** /istio/{namespace}/{kind}/{name}: the YAML editor of one object. */
export function IstioEditorPage({ namespace, kind, name }: IstioEditorProps): ReactNode {
  const query = useIstioObjectQuery(namespace, kind, name);
  return (
    <section className="flex flex-col gap-4">
      <IstioPageHeader
        trail={
          <>
            / {namespace === '' ? 'cluster' : namespace} / {kindLabel(kind)}
          </>
        }
        title={
          <>
            {kind} <span className="font-mono">{name}</span>
          </>
        }
      />
      {query.isPending && <p>Loading {name}…</p>}
      {query.error && <ErrorText>{query.error.detail}</ErrorText>}
      {query.data && (
        <LoadedEditor
          key={query.data.resourceVersion}
          doc={query.data}
          reload={() => void query.refetch()}
        />
      )}
    </section>
  );
}

type Conflict = { resourceVersion: string; yaml: string };

function LoadedEditor({
  doc,
  reload,
}: {
  doc: IstioObjectDocument;
  reload: () => void;
}): ReactNode {
  const router = useRouter();
  const session = useWriteSession();
  const write = useIstioWriteMutation();
  const [text, setText] = useState(doc.yaml);
  const [validations, setValidations] = useState<readonly LocatedValidation[]>(doc.validations);
  const [conflict, setConflict] = useState<Conflict | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [deleteError, setDeleteError] = useState<string | undefined>();
  const [applied, setApplied] = useState<string | undefined>();
  // Analyzer errors the server refused the last Apply for, and whether the person overrides them.
  const [overridable, setOverridable] = useState<readonly LocatedValidation[]>([]);
  const [applyAnyway, setApplyAnyway] = useState(false);
  const { namespace, kind, name } = doc;
  const dirty = text !== doc.yaml;
  const target = { kind, namespace, name };
  const update =
    session && objectWriteDecision(session, { ...target, verb: 'update' }, doc.access.update);
  const del =
    session && objectWriteDecision(session, { ...target, verb: 'delete' }, doc.access.delete);
  const canWrite = update?.allowed === true;
  const validate = useCallback((t: string) => validateIstioYaml(t, namespace), [namespace]);
  const edit = (t: string): void => {
    setText(t);
    // Another text may have other errors: the override covered only the ones shown.
    setOverridable([]);
    setApplyAnyway(false);
  };

  const apply = async (resourceVersion: string): Promise<void> => {
    setError(undefined);
    setApplied(undefined);
    const base = {
      op: 'replace' as const,
      namespace,
      kind,
      name,
      yaml: text,
      resourceVersion,
      applyAnyway: applyAnyway && overridable.length > 0,
    };
    try {
      const result = await dryRunThenApply(write.mutateAsync, (dryRun) => [{ ...base, dryRun }]);
      setConflict(undefined);
      setOverridable([]);
      setApplyAnyway(false);
      setApplied(
        `Applied${base.applyAnyway ? ' despite the analyzer errors' : ''}. ${kind} ${name} is now at resourceVersion ${result.resourceVersion}.`,
      );
    } catch (err) {
      const current = conflictCurrent(err);
      if (current) setConflict(current);
      else {
        const found = problemValidations(err);
        if (found.length > 0) setValidations(found);
        const over = overridableErrors(err);
        setOverridable(over);
        // The apply-anyway panel names those errors itself.
        if (over.length === 0) setError(problemDetail(err));
      }
    }
  };

  const remove = async (): Promise<void> => {
    setDeleteError(undefined);
    try {
      await write.mutateAsync({
        op: 'delete',
        namespace,
        kind,
        name,
        resourceVersion: doc.resourceVersion,
        dryRun: false,
      });
      router.push(namespace === '' ? '/istio' : `/istio?namespaces=${namespace}`);
    } catch (err) {
      setDeleteError(problemDetail(err));
    }
  };

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="flex flex-col gap-3">
        <YamlEditor
          label={`YAML of ${kind} ${name}`}
          value={doc.yaml}
          onChange={edit}
          validate={validate}
          onValidated={setValidations}
          readOnly={!canWrite}
        />
        {kind === 'VirtualService' && (
          <p className="text-xs text-slate-600 dark:text-slate-400">{WEIGHT_RULE_HELP}</p>
        )}
        {canWrite && overridable.length > 0 && (
          <ApplyAnyway errors={overridable} checked={applyAnyway} onChange={setApplyAnyway} />
        )}
        {(canWrite || del?.allowed) && (
          <div className="flex flex-wrap items-center gap-2">
            {canWrite && (
              <>
                <button
                  type="button"
                  className={PRIMARY_BUTTON}
                  disabled={!dirty || write.isPending}
                  onClick={() => void apply(doc.resourceVersion)}
                >
                  {write.isPending
                    ? 'Applying…'
                    : applyAnyway && overridable.length > 0
                      ? 'Apply anyway'
                      : 'Apply'}
                </button>
                <button
                  type="button"
                  className={BUTTON}
                  disabled={!dirty}
                  onClick={() => edit(doc.yaml)}
                >
                  Discard changes
                </button>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  Loaded at resourceVersion {doc.resourceVersion}; Apply runs a dry run first.
                </span>
              </>
            )}
            {del?.allowed ? (
              <span className="ml-auto">
                <DeleteButton
                  kind={kind}
                  name={name}
                  busy={write.isPending}
                  onConfirm={() => void remove()}
                  {...(deleteError && { error: deleteError })}
                />
              </span>
            ) : null}
          </div>
        )}
        {update && !update.allowed && (
          <p data-testid="write-denied" className="text-sm text-slate-600 dark:text-slate-300">
            {update.reason} The YAML is shown read-only.
          </p>
        )}
        {canWrite && del && !del.allowed && (
          <p data-testid="delete-denied" className="text-xs text-slate-600 dark:text-slate-400">
            {del.reason}
          </p>
        )}
        {applied && (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            {applied}
          </p>
        )}
        {error && <ErrorText small>{error}</ErrorText>}
      </div>
      <div className="flex flex-col gap-4">
        {conflict && (
          <div role="alert" className={`${PANEL} border-amber-500 dark:border-amber-500`}>
            <h2 className="mb-2 text-sm font-semibold">
              Someone changed {name} while you were editing
            </h2>
            <p className="mb-2 text-sm">
              Nothing was written. Their change, from the version you loaded to the current one:
            </p>
            <DiffView
              before={doc.yaml}
              after={conflict.yaml}
              beforeLabel={`loaded (${doc.resourceVersion})`}
              afterLabel={`current (${conflict.resourceVersion})`}
            />
            <div className="mt-3 flex flex-wrap gap-2">
              <button
                type="button"
                className={PRIMARY_BUTTON}
                onClick={() => void apply(conflict.resourceVersion)}
              >
                Re-apply my version on top of theirs
              </button>
              <button type="button" className={BUTTON} onClick={reload}>
                Discard mine, load theirs
              </button>
            </div>
          </div>
        )}
        <div className={PANEL}>
          <ValidationList validations={validations} />
        </div>
        {kind === 'AuthorizationPolicy' && (
          <div className={PANEL}>
            <AuthorizationPreview yaml={text} changed={dirty} />
          </div>
        )}
        <div className={PANEL}>
          <h2 className="mb-2 text-sm font-semibold">Changes against the live object</h2>
          <DiffView
            before={doc.yaml}
            after={text}
            beforeLabel={`live (${doc.resourceVersion})`}
            afterLabel="your edit"
          />
        </div>
      </div>
    </div>
  );
}
