import { useEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import '../../components/menu-button.css';
import { menuKey } from '../../components/menu-keys';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

/**
 * A context menu at a point: arrow keys move, Enter picks, Escape or a click outside closes. Picking
 * an item or Escape gives the focus back to what opened the menu.
 */
export function DraftMenu({
  label,
  items,
  at,
  onClose,
  note,
}: {
  label: string;
  items: MenuItem[];
  at: { x: number; y: number };
  onClose: () => void;
  /** A line of help under the items. */
  note?: string;
}) {
  const menu = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(document.activeElement);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onPointer, true);
    return () => window.removeEventListener('pointerdown', onPointer, true);
  }, [onClose]);

  const close = () => {
    onClose();
    if (opener.current instanceof HTMLElement) opener.current.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => menuKey(event, menu.current, close);

  const style = {
    left: Math.min(at.x, window.innerWidth - 220),
    top: Math.min(at.y, window.innerHeight - 40 * items.length - 16),
  };
  return createPortal(
    <div
      ref={menu}
      className="menu-popup draft-menu"
      role="menu"
      aria-label={label}
      style={style}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={`menu-popup__item${item.danger ? ' draft-menu__item--danger' : ''}`}
          onClick={() => {
            // The focus goes back first, so what the item opens (Revisions) returns it there too.
            close();
            item.onSelect();
          }}
        >
          {item.label}
        </button>
      ))}
      {note && <p className="draft-menu__note">{note}</p>}
    </div>,
    document.body,
  );
}
