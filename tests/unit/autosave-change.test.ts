// @vitest-environment happy-dom
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  createEditor,
  ParagraphNode,
  TextNode,
  type LexicalEditor,
} from 'lexical';
import { beforeEach, describe, expect, it } from 'vitest';
import { EDITOR_NODES } from '../../renderer/features/editor/nodes';
import { $createImageNode, $isImageNode } from '../../renderer/features/editor/nodes/ImageNode';
import { isContentChange } from '../../renderer/features/editor/plugins/AutosavePlugin/content-change';

// What the autosave counts as an edit: a change the author could see, not Lexical's bookkeeping.

let editor: LexicalEditor;
let verdicts: boolean[];

beforeEach(() => {
  editor = createEditor({
    nodes: EDITOR_NODES,
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      const first = $createParagraphNode().append($createTextNode('First paragraph'));
      const second = $createParagraphNode().append(
        $createTextNode('Second, with a picture '),
        $createImageNode('/drafts/d1/assets/a.png', 'A harbour'),
      );
      $getRoot().append(first, second);
    },
    { discrete: true },
  );
  verdicts = [];
  editor.registerUpdateListener((update) => verdicts.push(isContentChange(editor, update)));
});

const change = (work: () => void) => editor.update(work, { discrete: true });
const paragraphs = () => $getRoot().getChildren().filter($isElementNode);

describe('an autosave edit', () => {
  it("is typing, formatting, moving a paragraph or changing an image's alt text", () => {
    change(() => {
      const text = paragraphs()[0]!.getFirstChild();
      if ($isTextNode(text)) text.setTextContent('First paragraph, typed on');
    });
    change(() => {
      const text = paragraphs()[0]!.getFirstChild();
      if ($isTextNode(text)) text.toggleFormat('bold');
    });
    change(() => paragraphs()[1]!.insertAfter(paragraphs()[0]!));
    change(() => {
      const image = paragraphs()[0]!.getLastChild();
      if ($isImageNode(image)) image.setAltText('The harbour at dusk');
    });
    change(() => paragraphs()[0]!.remove());
    expect(verdicts).toEqual([true, true, true, true, true]);
  });

  it('is not a plugin starting its node transforms, a selection, or a write that changes nothing', () => {
    /** The verdicts on the updates `work` commits; every one of them must be "no edit". */
    const verdictsOf = (work: () => void) => {
      verdicts = [];
      work();
      change(() => undefined); // commits what the work queued
      return verdicts;
    };
    // Registering a transform marks every node of its type dirty: here every text and paragraph node.
    const starting = verdictsOf(() => {
      editor.registerNodeTransform(TextNode, () => undefined);
      editor.registerNodeTransform(ParagraphNode, () => undefined);
    });
    expect(starting).toEqual([false]);
    expect(verdictsOf(() => change(() => $getRoot().selectEnd()))).not.toContain(true);
    const rewrite = verdictsOf(() =>
      change(() => {
        const text = paragraphs()[0]!.getFirstChild();
        if ($isTextNode(text)) text.setTextContent(text.getTextContent());
        paragraphs()[1]!.getLastChild()?.markDirty();
      }),
    );
    expect(rewrite[0]).toBe(false);
    expect(rewrite).not.toContain(true);
  });
});
