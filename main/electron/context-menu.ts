import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

/**
 * The editor's native context menu in the desktop app: the system spell checker's suggestions for a
 * misspelt word (and "Add to Dictionary"), then cut, copy, paste and Link… in editable text; only
 * Copy on selected text elsewhere. Pure, so a unit test can read it; main.ts pops it up.
 */
export function contextMenuTemplate(
  params: Pick<
    ContextMenuParams,
    'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'editFlags'
  >,
  actions: {
    replaceMisspelling: (word: string) => void;
    addToDictionary: (word: string) => void;
    link: () => void;
  },
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, 6);
    if (suggestions.length === 0) items.push({ label: 'No spelling suggestions', enabled: false });
    for (const suggestion of suggestions)
      items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    items.push(
      {
        label: `Add “${params.misspelledWord}” to Dictionary`,
        click: () => actions.addToDictionary(params.misspelledWord),
      },
      { type: 'separator' },
    );
  }
  if (params.isEditable) {
    items.push(
      { role: 'cut', enabled: params.editFlags.canCut },
      { role: 'copy', enabled: params.editFlags.canCopy },
      { role: 'paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { label: 'Link…', accelerator: 'CmdOrCtrl+K', registerAccelerator: false, click: actions.link },
    );
  } else if (params.selectionText.trim()) {
    items.push({ role: 'copy' });
  }
  return items;
}
