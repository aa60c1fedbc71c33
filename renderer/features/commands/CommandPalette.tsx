import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { keysFor } from '../../../shared/commands/catalog';
import { chordLabel } from '../../../shared/commands/keys';
import type { DraftSummary } from '../../../shared/model/draft';
import type { PostTemplate } from '../../../shared/model/post-template';
import { expandDateTokens } from '../../../shared/templates/date-tokens';
import { useCore } from '../../core/CoreContext';
import { requestDraft } from '../drafts/draft-intents';
import type { CommandRegistry } from './command-registry';
import { fuzzyFilter } from './fuzzy';
import { HOST, PLATFORM } from './platform';

export type PaletteMode = 'commands' | 'drafts' | 'templates';

/** What the palette says in each mode: its name, the field's, the list's, and when nothing matches. */
const MODE_TEXT: Record<
  PaletteMode,
  { label: string; field: string; placeholder: string; list: string; none: string }
> = {
  commands: {
    label: 'Command palette',
    field: 'Command',
    placeholder: 'Type a command…',
    list: 'Commands',
    none: 'No command matches. Try fewer letters.',
  },
  drafts: {
    label: 'Open a draft',
    field: 'Draft title',
    placeholder: 'Type a draft’s title or words from it…',
    list: 'Drafts',
    none: 'No draft matches.',
  },
  templates: {
    label: 'New draft from a template',
    field: 'Template name',
    placeholder: 'Type a template’s name…',
    list: 'Templates',
    none: 'No template matches. Templates are made in Settings.',
  },
};

interface Option {
  key: string;
  title: string;
  detail: string;
  shortcut: string;
  choose: () => void;
}

/** The drafts whose titles or text match, for "Open…". */
function useDraftMatches(mode: PaletteMode, query: string): DraftSummary[] {
  const core = useCore();
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  useEffect(() => {
    if (mode !== 'drafts') return;
    let live = true;
    const trimmed = query.trim();
    core
      .call('drafts-page', { ...(trimmed ? { query: trimmed } : {}), offset: 0, limit: 30 })
      .then((page) => live && setDrafts(page.items))
      .catch(() => live && setDrafts([]));
    return () => {
      live = false;
    };
  }, [core, mode, query]);
  return drafts;
}

/** The post templates, for "New Draft from Template…", with today's title as their detail. */
function useTemplateOptions(registry: CommandRegistry, mode: PaletteMode, query: string): Option[] {
  const core = useCore();
  const [templates, setTemplates] = useState<PostTemplate[]>([]);
  useEffect(() => {
    if (mode !== 'templates') return;
    let live = true;
    core
      .call('post-templates-list', {})
      .then((list) => live && setTemplates(list))
      .catch(() => live && setTemplates([]));
    return () => {
      live = false;
    };
  }, [core, mode]);
  return useMemo(() => {
    const today = new Date();
    return fuzzyFilter(templates, query, (template) => template.name).map((template) => ({
      key: template.id,
      title: template.name,
      detail: expandDateTokens(template.title, today),
      shortcut: '',
      choose: () => {
        registry.run('go.drafts');
        requestDraft({ kind: 'new', templateId: template.id });
      },
    }));
  }, [registry, templates, query]);
}

/**
 * Ctrl/⌘+Shift+P: every command that applies now, searched fuzzily as you type, with its keys;
 * the ones used last come first. In "Open…" mode it lists drafts by title instead.
 */
export function CommandPalette({
  registry,
  mode,
  onClose,
}: {
  registry: CommandRegistry;
  mode: PaletteMode;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const drafts = useDraftMatches(mode, query);
  const templates = useTemplateOptions(registry, mode, query);
  const returnFocus = useRef<Element | null>(document.activeElement);

  const options = useMemo<Option[]>(() => {
    if (mode === 'templates') return templates;
    if (mode === 'drafts')
      return drafts.map((draft) => ({
        key: draft.id,
        title: draft.title.trim() || 'Untitled',
        detail: draft.snippet,
        shortcut: '',
        choose: () => {
          registry.run('go.drafts');
          requestDraft({ kind: 'open', id: draft.id });
        },
      }));
    return fuzzyFilter(registry.available(), query, (command) => `${command.group} ${command.title}`).map(
      (command) => {
        const key = keysFor(command, PLATFORM, HOST)[0];
        return {
          key: command.id,
          title: command.title,
          detail: registry.isRecent(command.id) && !query ? 'recently used' : command.group,
          shortcut: key ? chordLabel(key, PLATFORM) : '',
          choose: () => registry.run(command.id),
        };
      },
    );
  }, [mode, drafts, templates, registry, query]);

  useEffect(() => {
    input.current?.focus();
    const back = returnFocus.current;
    return () => {
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, []);

  const choose = (option: Option | undefined) => {
    if (!option) return;
    onClose();
    // After the palette has gone, so the command's own focus (the title of a new draft) wins.
    window.setTimeout(option.choose, 0);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const last = options.length - 1;
    if (event.key === 'ArrowDown') setActive((index) => (index >= last ? 0 : index + 1));
    else if (event.key === 'ArrowUp') setActive((index) => (index <= 0 ? last : index - 1));
    else if (event.key === 'Enter') choose(options[Math.min(active, last)]);
    else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const activeOption = options[Math.min(active, options.length - 1)];
  const text = MODE_TEXT[mode];
  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label={text.label}
        onMouseDown={(event) => event.stopPropagation()}
      >
        <input
          ref={input}
          className="palette__input"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${listId}-${activeOption.key}` : undefined}
          aria-label={text.field}
          placeholder={text.placeholder}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            if (!event.currentTarget.closest('.palette')?.contains(event.relatedTarget as Node)) onClose();
          }}
        />
        <ul className="palette__list" id={listId} role="listbox" aria-label={text.list}>
          {options.map((option) => (
            <li
              key={option.key}
              id={`${listId}-${option.key}`}
              role="option"
              aria-selected={option === activeOption}
              className="palette__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              <span className="palette__title">{option.title}</span>
              <span className="palette__detail">{option.detail}</span>
              {option.shortcut && <kbd className="palette__keys">{option.shortcut}</kbd>}
            </li>
          ))}
          {options.length === 0 && (
            <li className="palette__empty" role="presentation">
              {text.none}
            </li>
          )}
        </ul>
      </div>
    </div>
  );
}
