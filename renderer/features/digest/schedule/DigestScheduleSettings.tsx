import { useState } from 'react';
import { describePeriod } from '../../../../shared/digest/cadence';
import type { ScheduleStatus } from '../../../../shared/model/digest-schedule';
import { useBlogs } from '../../editor/PostPanel/useBlogs';
import { ScheduleForm } from './ScheduleForm';
import { momentText, rangeText } from './schedule-text';
import { useCadence } from './useCadence';
import './schedule.css';

function summary(status: ScheduleStatus): string {
  const { schedule, next } = status;
  const what = schedule.action === 'draft' ? 'drafted' : 'due';
  const tags = schedule.tags.length ? `, links tagged ${schedule.tags.join(', ')}` : '';
  return (
    `A digest ${describePeriod(schedule)}${tags}, ${schedule.minLinks} to ${schedule.maxLinks} links. ` +
    `The next, for ${rangeText(next)}, is ${what} ${momentText(next.closesAt)}.`
  );
}

/** Settings: each blog's link digest schedule, set and changed with the keyboard or the mouse. */
export function DigestScheduleSettings({ templates }: { templates: string[] }) {
  const blogs = useBlogs();
  const [state, setState] = useCadence();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <fieldset className="field-group digest-schedules">
      <legend>Digest schedules</legend>
      <p className="muted digest-schedules__intro">
        Postwright drafts a blog’s link digest from the inbox when its period ends (or reminds you), also for
        periods that ended while it was closed. Links used in a digest are not used again.
      </p>
      {blogs && blogs.length === 0 && <p>Add a blog in Blogs first: a schedule belongs to a blog.</p>}
      <ul className="digest-schedules__list" aria-label="Blogs and their digest schedules">
        {(blogs ?? []).map((blog) => {
          const status = state?.schedules.find((entry) => entry.schedule.blogId === blog.id);
          return (
            <li key={blog.id} className="digest-schedules__blog">
              <div className="digest-schedules__head">
                <strong>{blog.name || blog.id}</strong>
                {editing !== blog.id && (
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      setSaved(null);
                      setEditing(blog.id);
                    }}
                    aria-label={`${status ? 'Change' : 'Set'} the digest schedule for ${blog.name || blog.id}`}
                  >
                    {status ? 'Change schedule' : 'Set a schedule'}
                  </button>
                )}
              </div>
              {editing !== blog.id && (
                <p className="digest-schedules__summary">
                  {status ? summary(status) : 'No digest schedule: digests are made by hand from the Inbox.'}
                </p>
              )}
              {editing === blog.id && (
                <ScheduleForm
                  blogId={blog.id}
                  blogName={blog.name || blog.id}
                  schedule={status?.schedule}
                  templates={templates}
                  onSaved={(next, removed) => {
                    setState(next);
                    setEditing(null);
                    setSaved(
                      removed
                        ? `The schedule for ${blog.name} was removed.`
                        : `The schedule for ${blog.name} was saved.`,
                    );
                  }}
                  onCancel={() => setEditing(null)}
                />
              )}
            </li>
          );
        })}
      </ul>
      <p role="status" className="digest-schedules__saved">
        {saved}
      </p>
    </fieldset>
  );
}
