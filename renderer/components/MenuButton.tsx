import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import { menuKey } from './menu-keys';
import './menu-button.css';

export interface MenuChoice {
  /** Stable key and the item's text. */
  label: string;
  onSelect: () => void;
  /** For a menu of exclusive choices (Text style): the one in force now. */
  checked?: boolean;
}

/**
 * A button that opens a menu (WAI-ARIA menu button): Enter, Space or Down opens it on its first
 * (or checked) item, Up on its last; arrows only move, Enter or Space chooses; Escape closes it and
 * gives the focus back to the button. Unlike a select, an arrow key never acts by itself.
 */
export function MenuButton({
  label,
  children,
  title,
  className,
  items,
}: {
  /** The accessible name; it should contain the button's visible text. */
  label: string;
  children: ReactNode;
  title?: string;
  className?: string;
  items: MenuChoice[];
}) {
  const [open, setOpen] = useState<{ start: 'first' | 'last'; below: DOMRect } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const openAt = (start: 'first' | 'last') =>
    setOpen({ start, below: button.current!.getBoundingClientRect() });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    openAt(event.key === 'ArrowDown' ? 'first' : 'last');
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`menu-button ${className ?? ''}`}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        title={title}
        onClick={() => (open ? setOpen(null) : openAt('first'))}
        onKeyDown={onKeyDown}
      >
        <span className="menu-button__text">{children}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <MenuPopup
          label={label}
          items={items}
          start={open.start}
          below={open.below}
          opener={button}
          onClose={(returnFocus) => {
            setOpen(null);
            if (returnFocus) button.current?.focus();
          }}
        />
      )}
    </>
  );
}

function MenuPopup({
  label,
  items,
  start,
  below,
  opener,
  onClose,
}: {
  label: string;
  items: MenuChoice[];
  start: 'first' | 'last';
  /** The button's box when it opened the menu, which opens under it. */
  below: DOMRect;
  opener: RefObject<HTMLElement | null>;
  onClose: (returnFocus: boolean) => void;
}) {
  const menu = useRef<HTMLDivElement>(null);

  // Before the next key is read: a quick ArrowDown after Enter must land in the menu.
  useLayoutEffect(() => {
    const all = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
    const checked = all.find((item) => item.getAttribute('aria-checked') === 'true');
    (checked ?? (start === 'first' ? all[0] : all.at(-1)))?.focus();
  }, [start]);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !opener.current?.contains(target)) onClose(false);
    };
    window.addEventListener('pointerdown', onPointer, true);
    return () => window.removeEventListener('pointerdown', onPointer, true);
  }, [start, opener, onClose]);

  const style = {
    left: Math.max(4, Math.min(below.left, window.innerWidth - 260)),
    top: below.bottom + 2,
    maxHeight: Math.max(120, window.innerHeight - below.bottom - 8),
  };
  return createPortal(
    <div
      ref={menu}
      className="menu-popup"
      role="menu"
      aria-label={label}
      style={style}
      onKeyDown={(event) => menuKey(event, menu.current, () => onClose(true))}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
          aria-checked={item.checked}
          tabIndex={-1}
          className="menu-popup__item"
          onClick={() => {
            onClose(false);
            item.onSelect();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>,
    document.body,
  );
}
