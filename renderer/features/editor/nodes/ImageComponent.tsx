import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import type { NodeKey } from 'lexical';
import { useState } from 'react';

/**
 * The image as the author sees it; selecting it shows its alt text for editing. The node hands in
 * `saveAlt`, so this component needs nothing of the node class (which renders it).
 */
export function ImageComponent({
  nodeKey,
  src,
  altText,
  saveAlt,
}: {
  nodeKey: NodeKey;
  src: string;
  altText: string;
  saveAlt: (altText: string) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const [editingAlt, setEditingAlt] = useState(false);

  return (
    <span className={`editor-image__frame${isSelected ? ' is-selected' : ''}`}>
      <img
        src={src}
        alt={altText}
        draggable={false}
        onClick={(event) => {
          if (!event.shiftKey) clearSelection();
          setSelected(true);
        }}
      />
      {(isSelected || editingAlt) && editor.isEditable() && (
        <span className="editor-image__alt">
          <label>
            <span>Alt text</span>
            <input
              type="text"
              defaultValue={altText}
              placeholder="Describe the image for readers who cannot see it"
              onFocus={() => setEditingAlt(true)}
              onBlur={(event) => {
                setEditingAlt(false);
                if (event.currentTarget.value.trim() !== altText) saveAlt(event.currentTarget.value.trim());
              }}
              onKeyDown={(event) => {
                event.stopPropagation();
                if (event.key === 'Enter' || event.key === 'Escape') {
                  event.preventDefault();
                  if (event.key === 'Enter') saveAlt(event.currentTarget.value.trim());
                  event.currentTarget.blur();
                }
              }}
            />
          </label>
        </span>
      )}
    </span>
  );
}
