import { createEditor, type LexicalEditor, type SerializedLexicalNode } from 'lexical';
import { $exportBodyHtml, $replaceBodyWithHtml } from '../../renderer/features/editor/html/body-html';
import { EDITOR_NODES } from '../../renderer/features/editor/nodes';

/**
 * The editor's own nodes in a headless Lexical under jsdom: what the app exports and imports, without
 * a page. Call only in a test file that runs in the jsdom environment (happy-dom differs from
 * browsers where this matters: DOMPurify drops its first element, a node cannot replace itself).
 */

export function headlessEditor(): LexicalEditor {
  return createEditor({
    namespace: 'test',
    nodes: EDITOR_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

export function bodyHtmlOf(editor: LexicalEditor): string {
  return editor.read(() => $exportBodyHtml(editor));
}

/** A new editor holding `html`, read the way the app reads a body (sanitised, then imported). */
export function editorFromHtml(html: string): LexicalEditor {
  const editor = headlessEditor();
  editor.update(() => $replaceBodyWithHtml(editor, html), { discrete: true });
  return editor;
}

type Json = Record<string, unknown>;

/** Fields that are bookkeeping or editor-only presentation, not part of the post. */
const IGNORED = new Set([
  'direction',
  'indent',
  'textFormat',
  'textStyle',
  'version',
  'detail',
  'mode',
  'style',
  'value',
  'eventId',
]);

function mergeText(children: Json[]): Json[] {
  const merged: Json[] = [];
  for (const child of children) {
    const last = merged.at(-1);
    if (child.type === 'text' && last?.type === 'text' && last.format === child.format) {
      last.text = String(last.text) + String(child.text);
    } else merged.push({ ...child });
  }
  return merged;
}

/** Runs of white space read as one space, and none at the edges of a line, as a browser shows HTML. */
function collapseSpaces(children: Json[], preformatted: boolean): Json[] {
  if (preformatted) return children;
  const out = children.map((child) =>
    child.type === 'text' ? { ...child, text: String(child.text).replace(/[ \t\n\r\u00a0]+/g, ' ') } : child,
  );
  for (let index = 0; index < out.length; index += 1) {
    const child = out[index]!;
    if (child.type !== 'text') continue;
    const before = out[index - 1];
    const after = out[index + 1];
    let text = String(child.text);
    if (
      !before ||
      before.type === 'linebreak' ||
      (before.type === 'text' && String(before.text).endsWith(' '))
    )
      text = text.replace(/^ /, '');
    if (!after || after.type === 'linebreak') text = text.replace(/ $/, '');
    child.text = text;
  }
  return out.filter((child) => child.type !== 'text' || child.text !== '');
}

/**
 * Two lists of one kind with only an empty paragraph between them are one list once the paragraph
 * is gone (Markdown has no empty paragraphs, and the editor joins touching lists).
 */
function mergeLists(children: Json[]): Json[] {
  const out: Json[] = [];
  for (const child of children) {
    const last = out.at(-1);
    if (child.type === 'list' && last?.type === 'list' && last.listType === child.listType) {
      out[out.length - 1] = {
        ...last,
        children: [...(last.children as Json[]), ...(child.children as Json[])],
      };
    } else out.push(child);
  }
  return out;
}

function isNestedListItem(node: Json | undefined): boolean {
  const children = node?.children as Json[] | undefined;
  return node?.type === 'listitem' && children?.length === 1 && children[0]!.type === 'list';
}

function normalize(node: Json, preformatted = false): Json | null {
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (IGNORED.has(key) || key === 'children') continue;
    // A text's format is its bold, italic…; a block's is its alignment, which no post carries.
    if (key === 'format' && node.type !== 'text') continue;
    out[key] = value;
  }
  // The time zone only makes the offset (compared in the HTML); a list of upcoming events shows no
  // descriptions, so they are not part of the post.
  if (out.type === 'event' && typeof out.event === 'object') {
    const { timeZone: _zone, ...event } = out.event as Json;
    out.event = event;
  }
  if (out.type === 'upcoming-events' && Array.isArray(out.items)) {
    out.items = (out.items as Json[]).map((item) => {
      const { timeZone: _zone, description: _text, ...event } = item.event as Json;
      return { ...item, event };
    });
  }
  if (Array.isArray(node.children)) {
    const code = node.type === 'code';
    let children = (node.children as Json[])
      .map((child) => normalize(child, code))
      .filter((child) => child !== null);
    children = collapseSpaces(mergeText(children), code);
    // A line break at the end of a block shows nothing.
    while (!code && children.at(-1)?.type === 'linebreak') children.pop();
    // An empty item before a nested list is the same bullet as the nested list's own item.
    children = children.filter(
      (child, index) =>
        !(
          child.type === 'listitem' &&
          (child.children as Json[]).length === 0 &&
          isNestedListItem(children[index + 1])
        ),
    );
    out.children = mergeLists(children);
    const isEmptyParagraph = node.type === 'paragraph' && children.length === 0;
    if (isEmptyParagraph && !preformatted) return node.type === 'paragraph' ? null : out;
  }
  return out;
}

/**
 * The post an editor holds, as the blog shows it: Lexical's JSON without bookkeeping, adjacent runs
 * of one format merged, white space collapsed as HTML collapses it, empty paragraphs left out.
 */
export function documentOf(editor: LexicalEditor): Json[] {
  const root = editor.getEditorState().toJSON().root as unknown as Json;
  const children = mergeLists(
    (root.children as SerializedLexicalNode[] as unknown as Json[])
      .map((child) => normalize(child))
      .filter((child) => child !== null),
  );
  // Cells keep their paragraph even when empty: a table cell always holds one.
  return children;
}
