import { useState, type FormEvent } from 'react';
import type { InboxFilter, TagCount } from '../../../shared/model/bookmark';

export type ListFilter = Required<Pick<InboxFilter, 'used' | 'archived'>> &
  Omit<InboxFilter, 'used' | 'archived'>;

/** The quick-add field: one address or several separated by spaces or new lines. */
export function QuickAdd({ onAdd }: { onAdd: (urls: string[]) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const urls = text.split(/\s+/).filter(Boolean);
    if (urls.length && (await onAdd(urls))) setText('');
  };
  return (
    <form className="quick-add" onSubmit={(event) => void submit(event)}>
      <input
        type="text"
        aria-label="Add a link"
        placeholder="Paste or type a link and press Enter (or drop links anywhere)"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button button--primary" disabled={!text.trim()}>
        Add
      </button>
    </form>
  );
}

/** Search and filters: tag, date range, used or not, archived or not. */
export function InboxFilters({
  filter,
  tags,
  onChange,
}: {
  filter: ListFilter;
  tags: TagCount[];
  onChange: (next: ListFilter) => void;
}) {
  const set = (patch: Partial<ListFilter>) => {
    const next = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof ListFilter)[]) if (next[key] === '') delete next[key];
    onChange(next);
  };
  return (
    <div className="inbox-filters" role="search">
      <input
        type="search"
        aria-label="Search links"
        placeholder="Search links"
        value={filter.query ?? ''}
        onChange={(event) => set({ query: event.target.value })}
      />
      <select
        aria-label="Tag"
        value={filter.tag ?? ''}
        onChange={(event) => set({ tag: event.target.value })}
      >
        <option value="">All tags</option>
        {tags.map((entry) => (
          <option key={entry.tag} value={entry.tag}>
            {entry.tag} ({entry.count})
          </option>
        ))}
      </select>
      <label className="inbox-filters__date">
        <span>From</span>
        <input
          type="date"
          value={filter.from ?? ''}
          onChange={(event) => set({ from: event.target.value })}
        />
      </label>
      <label className="inbox-filters__date">
        <span>To</span>
        <input type="date" value={filter.to ?? ''} onChange={(event) => set({ to: event.target.value })} />
      </label>
      <select
        aria-label="Used in a digest"
        value={filter.used}
        onChange={(event) => set({ used: event.target.value as ListFilter['used'] })}
      >
        <option value="all">Used or not</option>
        <option value="unused">Not in a digest yet</option>
        <option value="used">Already in a digest</option>
      </select>
      <select
        aria-label="Archived"
        value={filter.archived}
        onChange={(event) => set({ archived: event.target.value as ListFilter['archived'] })}
      >
        <option value="active">Inbox</option>
        <option value="archived">Archive</option>
        <option value="all">Inbox and archive</option>
      </select>
    </div>
  );
}
