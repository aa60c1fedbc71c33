import { useLayoutEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { focusIfThere } from './focus-home';

/** The first field if there is one (what the panel is for), else its first control. */
const FIELDS = 'input:not([disabled]), textarea:not([disabled]), select:not([disabled])';
const CONTROLS = 'button:not([disabled]), a[href], [tabindex="0"]';

// Whether the last thing the person did was a key or the pointer: a row clicked with the mouse keeps
// the focus in its list (the next click or arrow key goes on from there); one opened with Enter
// moves the keyboard into the panel.
let lastInput: 'keyboard' | 'pointer' = 'pointer';
if (typeof document !== 'undefined') {
  document.addEventListener('keydown', () => (lastInput = 'keyboard'), true);
  document.addEventListener('pointerdown', () => (lastInput = 'pointer'), true);
}

/**
 * A side panel that opens on an action behaves like a non-modal dialog: opened from the keyboard it
 * takes the focus (its first field, unless something in it already has it), Escape closes it, and on closing the focus
 * goes back to the control that opened it.
 */
export function usePanelFocus(panel: RefObject<HTMLElement | null>, onClose: () => void) {
  // Read while rendering: by the time effects run, a field's autoFocus has already taken the focus.
  const [opener] = useState(() => document.activeElement);
  const [byKeyboard] = useState(() => lastInput === 'keyboard');
  // Layout effects: the focus goes back in the same commit that removes the panel.
  useLayoutEffect(() => {
    const element = panel.current;
    if (element && byKeyboard && !element.contains(document.activeElement))
      (element.querySelector<HTMLElement>(FIELDS) ?? element.querySelector<HTMLElement>(CONTROLS))?.focus();
    return () => {
      // Only when the focus was in the panel (or fell with it): a click elsewhere keeps its target.
      const active = document.activeElement;
      if (active === document.body || active === null || (element?.contains(active) ?? false))
        focusIfThere(opener);
    };
  }, [panel, opener, byKeyboard]);
  return {
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      event.stopPropagation();
      onClose();
    },
  };
}
