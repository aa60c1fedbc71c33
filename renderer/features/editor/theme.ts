import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on what it renders; editor.css styles them. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'editor-paragraph',
  heading: {
    h1: 'editor-h2',
    h2: 'editor-h2',
    h3: 'editor-h3',
    h4: 'editor-h4',
    h5: 'editor-h4',
    h6: 'editor-h4',
  },
  quote: 'editor-quote',
  code: 'editor-code',
  link: 'editor-link',
  hr: 'editor-hr',
  table: 'editor-table',
  tableRow: 'editor-table__row',
  tableCell: 'editor-table__cell',
  tableCellHeader: 'editor-table__cell--header',
  tableSelection: 'editor-table--selecting',
  tableCellSelected: 'editor-table__cell--selected',
  list: {
    ul: 'editor-ul',
    ol: 'editor-ol',
    listitem: 'editor-li',
    nested: { listitem: 'editor-li--nested' },
  },
  text: {
    bold: 'editor-text--bold',
    italic: 'editor-text--italic',
    underline: 'editor-text--underline',
    strikethrough: 'editor-text--strike',
    underlineStrikethrough: 'editor-text--underline-strike',
    code: 'editor-text--code',
  },
};
