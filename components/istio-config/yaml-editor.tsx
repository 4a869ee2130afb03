'use client';

import { yaml as yamlLanguage } from '@codemirror/lang-yaml';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, type Text } from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef, type ReactNode } from 'react';
import type { LocatedValidation } from '@/lib/mesh/validations/types';
import { editorBasics } from './editor-setup';
import { useDarkMode } from './use-dark-mode';

export interface YamlEditorProps {
  /** The text to start from; a new value (another object, a reload) replaces the editor's content. */
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** Checks the text; the editor calls it after a pause in typing and shows the result inline. */
  readonly validate: (text: string) => Promise<readonly LocatedValidation[]>;
  readonly onValidated?: (validations: readonly LocatedValidation[]) => void;
  readonly readOnly?: boolean;
  readonly label: string;
}

const LINT_DELAY_MS = 400;

/** A finding at its line; findings without one sit on line 1, so nothing is silently dropped. */
function toDiagnostic(doc: Text, v: LocatedValidation): Diagnostic {
  const line = doc.line(Math.min(Math.max(v.line ?? 1, 1), doc.lines));
  const indent = line.text.length - line.text.trimStart().length;
  return {
    from: line.from + indent,
    to: Math.max(line.to, line.from + indent),
    severity: v.severity,
    source: v.code,
    message: `${v.message}${v.path ? ` (${v.path})` : ''}`,
  };
}

const baseTheme = EditorView.theme({
  '&': { fontSize: '13px', height: '100%' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
});

/** CodeMirror 6 with YAML, lint markers from `validate`, one-dark in dark mode. */
export function YamlEditor(props: YamlEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const theme = useRef(new Compartment());
  const editable = useRef(new Compartment());
  const latest = useRef(props);
  const dark = useDarkMode();

  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    if (!host.current) return;
    const lint = linter(
      async (v) => {
        const doc = v.state.doc;
        try {
          const found = await latest.current.validate(doc.toString());
          latest.current.onValidated?.(found);
          return found.map((f) => toDiagnostic(doc, f));
        } catch {
          return [];
        }
      },
      { delay: LINT_DELAY_MS },
    );
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          editorBasics(),
          yamlLanguage(),
          lintGutter(),
          lint,
          baseTheme,
          theme.current.of([]),
          editable.current.of(EditorState.readOnly.of(false)),
          EditorView.contentAttributes.of({ 'aria-label': latest.current.label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== props.value)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: props.value } });
  }, [props.value]);

  useEffect(() => {
    view.current?.dispatch({ effects: theme.current.reconfigure(dark ? oneDark : []) });
  }, [dark]);

  useEffect(() => {
    view.current?.dispatch({
      effects: editable.current.reconfigure(EditorState.readOnly.of(props.readOnly ?? false)),
    });
  }, [props.readOnly]);

  return (
    <div
      ref={host}
      data-testid="yaml-editor"
      className="min-h-[420px] overflow-hidden rounded-lg border border-slate-300 bg-white dark:border-slate-700 dark:bg-[#282c34]"
    />
  );
}
