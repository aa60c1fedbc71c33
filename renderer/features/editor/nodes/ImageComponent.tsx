import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { $getNodeByKey, COMMAND_PRIORITY_LOW, KEY_ENTER_COMMAND, type NodeKey } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { layoutWidth, type ImageLayout } from '../../../../shared/publish/image-layout';
import { ImageLayoutPanel, type ImageChange } from './ImageLayoutPanel';
import { useWidthHandle } from './useWidthHandle';

/**
 * The image as the author sees it, laid out as the post will be. Selecting it (a click) shows its
 * panel: alt text, caption, alignment and size; Enter moves into the panel. The
 * node hands in `apply`, so this component needs nothing of the node class (which renders it).
 */
export function ImageComponent({
  nodeKey,
  src,
  altText,
  caption,
  layout,
  apply,
}: {
  nodeKey: NodeKey;
  src: string;
  altText: string;
  caption: string;
  layout: ImageLayout;
  apply: (change: ImageChange) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const [inPanel, setInPanel] = useState(false);
  const panel = useRef<HTMLSpanElement>(null);
  const image = useRef<HTMLImageElement>(null);
  const handle = useWidthHandle(image, (width) => apply({ layout: { size: 'custom', width } }));

  useEffect(() => {
    if (!isSelected) return;
    return editor.registerCommand(
      KEY_ENTER_COMMAND,
      (event) => {
        event?.preventDefault();
        panel.current?.querySelector<HTMLInputElement>('input')?.focus();
        return true;
      },
      COMMAND_PRIORITY_LOW,
    );
  }, [editor, isSelected]);

  const width = layoutWidth(layout);
  const editable = editor.isEditable();
  return (
    <span
      className={`editor-image__frame${isSelected ? ' is-selected' : ''}`}
      data-testid="editor-image"
      style={width ? { width: `min(${width}px, 100%)` } : undefined}
    >
      <span className="editor-image__picture">
        <img
          ref={image}
          src={src}
          alt={altText}
          draggable={false}
          onClick={(event) => {
            if (!event.shiftKey) clearSelection();
            setSelected(true);
          }}
        />
        {isSelected && editable && (
          <span
            className="editor-image__handle"
            role="presentation"
            title="Drag to resize"
            onPointerDown={handle}
          />
        )}
        {!altText && <span className="editor-image__missing-alt">No alt text</span>}
      </span>
      {caption && <span className="editor-image__caption">{caption}</span>}
      {(isSelected || inPanel) && editable && (
        <ImageLayoutPanel
          ref={panel}
          altText={altText}
          caption={caption}
          layout={layout}
          apply={apply}
          onFocusChange={setInPanel}
          onDone={() => {
            // Back to the text, the caret just after the image.
            setInPanel(false);
            editor.update(() => $getNodeByKey(nodeKey)?.selectNext());
            editor.focus();
          }}
        />
      )}
    </span>
  );
}
