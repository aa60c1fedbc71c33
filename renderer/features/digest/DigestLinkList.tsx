import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { displayTitle } from '../../../shared/inbox/filter';
import type { Bookmark } from '../../../shared/model/bookmark';

/**
 * The digest's links in order: drag a row by its handle (or press Alt+↑/↓ on it) to move it, untick
 * it to leave it out.
 */
export function DigestLinkList({
  links,
  excluded,
  onMove,
  onToggle,
}: {
  links: Bookmark[];
  excluded: Set<string>;
  onMove: (from: number, to: number) => void;
  onToggle: (id: string) => void;
}) {
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const target = index + (event.key === 'ArrowUp' ? -1 : 1);
    if (target < 0 || target >= links.length) return;
    onMove(index, target);
    // Keep the keyboard on the moved row.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-digest-row="${target}"] .digest-row__handle`)?.focus(),
    );
  };
  const drop = (event: DragEvent, index: number) => {
    event.preventDefault();
    if (dragged !== null && dragged !== index) onMove(dragged, index);
    setDragged(null);
    setOver(null);
  };

  return (
    <ol className="stack-list" aria-label="Links in this digest" data-drop-zone="digest">
      {links.map((link, index) => {
        const out = excluded.has(link.id);
        return (
          <li
            key={link.id}
            data-digest-row={index}
            className={`digest-row${out ? ' digest-row--out' : ''}${over === index ? ' digest-row--over' : ''}`}
            draggable
            onDragStart={(event) => {
              setDragged(index);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('application/x-postwright-digest-row', String(index));
            }}
            onDragOver={(event) => {
              if (dragged === null) return;
              event.preventDefault();
              setOver(index);
            }}
            onDragEnd={() => {
              setDragged(null);
              setOver(null);
            }}
            onDrop={(event) => drop(event, index)}
          >
            <button
              type="button"
              className="digest-row__handle"
              aria-label={`Move “${displayTitle(link)}” (Alt+Up or Alt+Down)`}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              ⠿
            </button>
            <input
              type="checkbox"
              checked={!out}
              aria-label={`Include “${displayTitle(link)}”`}
              onChange={() => onToggle(link.id)}
            />
            <span className="digest-row__text">
              <span className="digest-row__title">{displayTitle(link)}</span>
              <span className="digest-row__meta">
                {new Date(link.addedAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}
                {link.tags.length > 0 && ` · ${link.tags.join(', ')}`}
                {link.comment && ' · commented'}
                {link.usedIn.length > 0 && ' · in a digest already'}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
