import { closeBrackets } from '@codemirror/autocomplete';
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import {
  ChangeSet,
  EditorSelection,
  StateEffect,
  StateField,
  type Extension,
} from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';

/*
 * The editor's basics, assembled by hand: the installed `codemirror` package is a CodeMirror 5 build
 * (no basicSetup) and @codemirror/commands is not installed, so undo/redo and Enter-with-indent are
 * written here. Tab is left to the browser so keyboard users can leave the editor.
 */

interface History {
  readonly done: readonly ChangeSet[];
  readonly undone: readonly ChangeSet[];
}

const LIMIT = 200;
const fromHistory = StateEffect.define<'undo' | 'redo'>();

const history = StateField.define<History>({
  create: () => ({ done: [], undone: [] }),
  update(value, tr) {
    const step = tr.effects.find((e) => e.is(fromHistory))?.value;
    if (!tr.docChanged) return value;
    const inverse = tr.changes.invert(tr.startState.doc);
    if (step === 'undo')
      return { done: value.done.slice(0, -1), undone: [...value.undone, inverse] };
    if (step === 'redo')
      return { done: [...value.done, inverse], undone: value.undone.slice(0, -1) };
    return { done: [...value.done.slice(-LIMIT + 1), inverse], undone: [] };
  },
});

function replay(which: 'undo' | 'redo') {
  return (view: EditorView): boolean => {
    const h = view.state.field(history);
    const changes = which === 'undo' ? h.done.at(-1) : h.undone.at(-1);
    if (!changes) return false;
    view.dispatch({ changes, effects: fromHistory.of(which), scrollIntoView: true });
    return true;
  };
}

/** Enter keeps the current line's indentation, one level deeper after a `key:` or a `- `. */
function newlineWithIndent(view: EditorView): boolean {
  const { state } = view;
  const changes = state.changeByRange((range) => {
    const line = state.doc.lineAt(range.from);
    const before = line.text.slice(0, range.from - line.from);
    let indent = /^\s*/.exec(before)?.[0] ?? '';
    if (/:\s*$/.test(before)) indent += '  ';
    else if (/^\s*- /.test(before) && before.trim() !== '-') indent += '  ';
    const insert = `\n${indent}`;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: EditorSelection.cursor(range.from + insert.length),
    };
  });
  view.dispatch(state.update(changes, { scrollIntoView: true, userEvent: 'input' }));
  return true;
}

export function editorBasics(): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    drawSelection(),
    indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    history,
    keymap.of([
      { key: 'Mod-z', run: replay('undo'), preventDefault: true },
      { key: 'Mod-y', run: replay('redo'), preventDefault: true },
      { key: 'Mod-Shift-z', run: replay('redo'), preventDefault: true },
      { key: 'Enter', run: newlineWithIndent },
    ]),
  ];
}
