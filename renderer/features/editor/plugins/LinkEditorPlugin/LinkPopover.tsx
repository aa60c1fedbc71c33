import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { safeLinkHref } from '../../../../../shared/net/safe-link';

type Props = {
  rect: DOMRect;
  url: string;
  existing: boolean;
  onRemove: () => void;
} & (
  | {
      mode: 'edit';
      onSave: (url: string) => string | null;
      /** Escape gives the focus back to the body; a click elsewhere leaves it where the click put it. */
      onCancel: (how: { refocus: boolean }) => void;
    }
  | { mode: 'view'; onEdit: () => void }
);

/** Opens a link outside the app, after checking it again: only http(s) and mailto leave the app. */
function openLink(url: string) {
  const safe = safeLinkHref(url);
  if (safe && /^(https?|mailto):/i.test(safe)) window.open(safe, '_blank', 'noopener,noreferrer');
}

/** The floating box under a link: its address (or a field to type one) and what can be done with it. */
export function LinkPopover(props: Props) {
  const { rect, url, existing, onRemove } = props;
  const [draft, setDraft] = useState(url);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLElement | null>(null);
  const errorId = useId();
  const editing = props.mode === 'edit';
  const onCancel = editing ? props.onCancel : null;
  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  // A press anywhere outside the address box cancels it, as a click away closes any popup.
  useEffect(() => {
    if (!onCancel) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) onCancel({ refocus: false });
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onCancel]);

  const style = { top: Math.min(rect.bottom + 6, window.innerHeight - 120), left: Math.max(8, rect.left) };
  const body =
    props.mode === 'edit' ? (
      <form
        ref={(element) => {
          box.current = element;
        }}
        className="link-popover"
        style={style}
        role="dialog"
        aria-label="Link"
        onSubmit={(event) => {
          event.preventDefault();
          setError(props.onSave(draft));
        }}
      >
        <label className="link-popover__field">
          <span className="visually-hidden">Link address</span>
          <input
            ref={input}
            type="text"
            value={draft}
            placeholder="https://example.com"
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              setError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                props.onCancel({ refocus: true });
              }
            }}
          />
        </label>
        <button type="submit" className="button button--primary">
          {existing ? 'Update' : 'Add link'}
        </button>
        {existing && (
          <button type="button" className="button" onClick={onRemove}>
            Remove
          </button>
        )}
        {error && (
          <p className="link-popover__error" role="alert" id={errorId}>
            {error}
          </p>
        )}
      </form>
    ) : (
      <div
        className="link-popover"
        style={style}
        role="dialog"
        aria-label="Link"
        // Pressing its buttons leaves the focus (and the caret) in the body.
        onMouseDown={(event) => event.preventDefault()}
      >
        <a
          className="link-popover__url"
          href={safeLinkHref(url) ?? undefined}
          onClick={(event) => {
            event.preventDefault();
            openLink(url);
          }}
          title="Open in your browser"
        >
          {url}
        </a>
        <button type="button" className="button" onClick={props.onEdit}>
          Edit
        </button>
        <button type="button" className="button" onClick={onRemove}>
          Remove
        </button>
      </div>
    );
  return createPortal(body, document.body);
}
