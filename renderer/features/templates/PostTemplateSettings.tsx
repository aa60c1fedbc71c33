import { useEffect, useRef, useState } from 'react';
import type { PostTemplate, PostTemplateInput } from '../../../shared/model/post-template';
import { expandDateTokens } from '../../../shared/templates/date-tokens';
import { useCore, useCoreEvent, useCoreValue } from '../../core/CoreContext';
import { PostTemplateForm } from './PostTemplateForm';
import './post-templates.css';

const sentence = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Post templates in Settings: the list with today's title of each, a form to add or change one,
 * and Delete with an Undo. "New Draft from Template…" (the palette, the File menu) uses them.
 */
export function PostTemplateSettings() {
  const core = useCore();
  const [templates, setTemplates] = useCoreValue((client) => client.call('post-templates-list', {}));
  useCoreEvent('post-templates-changed', setTemplates);
  // undefined: no form; null: a new template; else the template being changed.
  const [editing, setEditing] = useState<PostTemplate | null | undefined>(undefined);
  const [deleted, setDeleted] = useState<PostTemplate | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  const open = (template: PostTemplate | null) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDeleted(null);
    setEditing(template);
  };
  const returnFocus = useRef(false);
  const close = () => {
    returnFocus.current = true;
    setEditing(undefined);
  };
  // After the form has gone (a render, not a timer: a busy machine rendered after the timer and
  // focus fell to the page): back to the Edit button that opened it, or to "New template", which
  // came back in place of the form.
  useEffect(() => {
    if (editing !== undefined || !returnFocus.current) return;
    returnFocus.current = false;
    (opener.current?.isConnected ? opener.current : newButton.current)?.focus();
  }, [editing]);
  const save = async (input: PostTemplateInput) => {
    try {
      setTemplates(
        await core.call('post-templates-save', { ...(editing ? { id: editing.id } : {}), template: input }),
      );
      close();
      return null;
    } catch (error) {
      return sentence(error);
    }
  };
  const remove = async (template: PostTemplate) => {
    setProblem(null);
    try {
      setTemplates(await core.call('post-templates-delete', { id: template.id }));
      setDeleted(template);
    } catch (error) {
      setProblem(sentence(error));
    }
  };
  const undo = async (template: PostTemplate) => {
    const { id: _gone, ...input } = template;
    try {
      setTemplates(await core.call('post-templates-save', { template: input }));
      setDeleted(null);
    } catch (error) {
      setProblem(sentence(error));
    }
  };

  const today = new Date();
  return (
    <fieldset className="field-group post-templates">
      <legend>Post templates</legend>
      <p className="muted">
        For posts you write again and again. Start one with “New Draft from Template…” in the command palette.
        Dates in braces are written for the day: <code>{'{date}'}</code>, <code>{'{date+7}'}</code>,{' '}
        <code>{'{week-start}'}</code>, <code>{'{week-end}'}</code>, <code>{'{month-start}'}</code>,{' '}
        <code>{'{month-end}'}</code>; a pattern after a colon sets how, as in{' '}
        <code>{'{week-start:MMMM do}'}</code> (“November 9th”).
      </p>
      {templates && templates.length === 0 && <p>No post templates yet.</p>}
      <ul className="post-templates__list" aria-label="Post templates">
        {templates?.map((template) => (
          <li key={template.id} className="post-templates__item">
            <span className="post-templates__name">{template.name}</span>
            <span className="muted post-templates__title">
              {expandDateTokens(template.title, today) || 'no title'}
            </span>
            <button type="button" className="button" onClick={() => open(template)}>
              Edit <span className="visually-hidden">{template.name}</span>
            </button>
            <button type="button" className="button" onClick={() => void remove(template)}>
              Delete <span className="visually-hidden">{template.name}</span>
            </button>
          </li>
        ))}
      </ul>
      {deleted && (
        <p className="notice" role="status">
          Deleted “{deleted.name}”.{' '}
          <button type="button" className="button" onClick={() => void undo(deleted)}>
            Undo
          </button>
        </p>
      )}
      {problem && (
        <p className="notice notice--warn" role="alert">
          {problem}
        </p>
      )}
      {editing === undefined ? (
        <button type="button" className="button" ref={newButton} onClick={() => open(null)}>
          New template
        </button>
      ) : (
        <PostTemplateForm key={editing?.id ?? 'new'} template={editing} onSave={save} onCancel={close} />
      )}
    </fieldset>
  );
}
