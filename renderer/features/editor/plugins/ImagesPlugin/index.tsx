import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createNodeSelection,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  DROP_COMMAND,
  PASTE_COMMAND,
} from 'lexical';
import { useEffect, useRef } from 'react';
import { $createImageNode } from '../../nodes/ImageNode';

/** Opens the file picker for images (toolbar button). */
export const PICK_IMAGE_COMMAND = createCommand<void>('PICK_IMAGE_COMMAND');

/**
 * An image copied into the draft, offered first to a source view that is open (it writes the image
 * into its text at its caret and handles it); unhandled, it goes into the rich body at the caret.
 */
export const IMAGE_FOR_SOURCE_VIEW_COMMAND = createCommand<{ src: string; alt: string }>(
  'IMAGE_FOR_SOURCE_VIEW_COMMAND',
);

// The core's limit (draft-assets.ts), said before the file is read.
const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

/** Copies a file into the draft and returns its `src` (upload-draft-image.ts). */
export type UploadImage = (file: File) => Promise<string>;

function imageFiles(data: { files: FileList | null } | null): File[] {
  return Array.from(data?.files ?? []).filter((file) => file.type.startsWith('image/'));
}

/** Images pasted, dropped or picked: copied into the draft (drafts-add-asset), then shown in place. */
export function ImagesPlugin({
  upload,
  onError,
}: {
  upload: UploadImage;
  onError: (message: string) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const picker = useRef<HTMLInputElement>(null);
  // Files from the picker (set by the effect below): inserted, then the last one selected.
  const insertPicked = useRef<(files: File[]) => void>(() => undefined);
  const latest = useRef({ upload, onError });
  useEffect(() => {
    latest.current = { upload, onError };
  });

  useEffect(() => {
    /** Inserts each file at the caret; resolves to the last image's key (null if none went in). */
    const insertFiles = async (files: File[]): Promise<string | null> => {
      let last: string | null = null;
      for (const file of files) {
        if (file.size > MAX_IMAGE_BYTES) {
          latest.current.onError(
            `${file.name || 'The image'} is larger than 25 MB; make it smaller and try again.`,
          );
          continue;
        }
        try {
          const src = await latest.current.upload(file);
          const alt = file.name ? file.name.replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ') : '';
          // The Markdown view opened while it was on its way: it goes where the author now writes.
          if (editor.dispatchCommand(IMAGE_FOR_SOURCE_VIEW_COMMAND, { src, alt })) continue;
          editor.update(() => {
            const image = $createImageNode(src, alt);
            const selection = $getSelection();
            if ($isRangeSelection(selection)) selection.insertNodes([image]);
            else $insertNodes([image]);
            last = image.getKey();
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          latest.current.onError(`Could not add ${file.name || 'the image'} to the draft: ${reason}`);
        }
      }
      return last;
    };
    // The picker took the focus away from the text (to the Insert menu): give it back with the new
    // image selected, so its settings show and Enter reaches its alt text.
    insertPicked.current = (files) => {
      void insertFiles(files).then((key) => {
        if (key === null) return;
        editor.getRootElement()?.focus({ preventScroll: true });
        editor.update(() => {
          const selection = $createNodeSelection();
          selection.add(key);
          $setSelection(selection);
        });
      });
    };
    return mergeRegister(
      editor.registerCommand(
        PICK_IMAGE_COMMAND,
        () => {
          picker.current?.click();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      // Before the paste plugin: a clipboard with an image file is an image, whatever HTML comes with it.
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const files = imageFiles('clipboardData' in event ? event.clipboardData : null);
          if (files.length === 0) return false;
          event.preventDefault();
          void insertFiles(files);
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const files = imageFiles(event.dataTransfer);
          if (files.length === 0) return false;
          event.preventDefault();
          void insertFiles(files);
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    );
  }, [editor]);

  return (
    <input
      ref={picker}
      type="file"
      accept="image/*"
      multiple
      hidden
      aria-label="Choose images to insert"
      onChange={(event) => {
        const files = imageFiles(event.currentTarget);
        event.currentTarget.value = '';
        if (files.length) insertPicked.current(files);
      }}
    />
  );
}
