import type { RefObject } from 'react';

/** The ✕ in a `<dialog>`'s header: closes it as Escape does, so its `onClose` runs either way. */
export function DialogCloseButton({ dialog }: { dialog: RefObject<HTMLDialogElement | null> }) {
  return (
    <button type="button" className="icon-button" aria-label="Close" onClick={() => dialog.current?.close()}>
      ✕
    </button>
  );
}
