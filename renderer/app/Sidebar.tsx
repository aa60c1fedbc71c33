import { useRef, type KeyboardEvent } from 'react';
import { SECTIONS, type SectionId } from './sections';

const isMac = navigator.platform.startsWith('Mac');

/** The app's navigation: arrow keys move between sections, Enter/Space opens one. */
export function Sidebar({ current, onSelect }: { current: SectionId; onSelect: (id: SectionId) => void }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    const target = event.key === 'Home' ? 0 : event.key === 'End' ? SECTIONS.length - 1 : index + step;
    if (step === 0 && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    buttons.current[(target + SECTIONS.length) % SECTIONS.length]?.focus();
  };

  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="sidebar__brand" aria-hidden="true">
        Postwright
      </div>
      <ul className="sidebar__list">
        {SECTIONS.map((section, index) => (
          <li key={section.id}>
            <button
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              className="sidebar__item"
              aria-current={current === section.id ? 'page' : undefined}
              tabIndex={current === section.id ? 0 : -1}
              title={`${section.label} (${isMac ? '⌘' : 'Ctrl+'}${section.shortcut})`}
              onClick={() => onSelect(section.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {section.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
