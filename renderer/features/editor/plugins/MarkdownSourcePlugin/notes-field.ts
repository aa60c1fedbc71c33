import { StateEffect, StateField, type Text } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import type { MarkdownNote } from '../../../../../shared/markdown/markdown-notes';

/** A note at the end of a line: what Markdown could not say there, kept as HTML. */
class NoteWidget extends WidgetType {
  constructor(readonly message: string) {
    super();
  }
  override eq(other: NoteWidget) {
    return other.message === this.message;
  }
  toDOM() {
    const note = document.createElement('span');
    note.className = 'markdown-source__note';
    note.setAttribute('role', 'note');
    note.textContent = this.message;
    return note;
  }
}

/** New notes for the whole text, read once typing pauses. */
export const setNotes = StateEffect.define<MarkdownNote[]>();

function decorationsFor(doc: Text, notes: MarkdownNote[]): DecorationSet {
  return Decoration.set(
    notes
      .filter((note) => note.line <= doc.lines)
      .map((note) =>
        Decoration.widget({ widget: new NoteWidget(note.message), side: 1 }).range(doc.line(note.line).to),
      ),
  );
}

/** The notes beside the lines, moved along with edits until they are read again. */
export function notesField(initial: MarkdownNote[]) {
  return StateField.define<DecorationSet>({
    create: (state) => decorationsFor(state.doc, initial),
    update(notes, transaction) {
      for (const effect of transaction.effects)
        if (effect.is(setNotes)) return decorationsFor(transaction.state.doc, effect.value);
      return notes.map(transaction.changes);
    },
    provide: (field) => EditorView.decorations.from(field),
  });
}
