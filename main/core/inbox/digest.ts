import type { z } from 'zod';
import type { DigestPreview, digestRequestSchema } from '../../../shared/contract/inbox';
import { CoreFailure } from '../../../shared/contract/errors';
import type { FieldProblem } from '../../../shared/contract/explain-args';
import { DigestTemplateError, renderDigest } from '../../../shared/digest/render-digest';
import { endOfLocalDay } from '../../../shared/inbox/filter';
import type { Bookmark } from '../../../shared/model/bookmark';
import type { DigestTemplate } from '../../../shared/model/digest-template';
import type { DraftStore } from '../drafts/draft-store';
import type { SettingsStore } from '../settings/settings-store';
import type { Inbox } from './inbox';

type DigestRequest = z.output<typeof digestRequestSchema>;

function pickTemplate(templates: DigestTemplate[], name: string | undefined): DigestTemplate {
  if (!name) return templates[0]!;
  const found = templates.find((template) => template.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) {
    const names = templates.map((template) => `"${template.name}"`).join(', ');
    throw new CoreFailure(
      'not-found',
      `There is no digest template called "${name}". The templates are: ${names}.`,
    );
  }
  return found;
}

/** A digest is dated at the end of its period (its last day's end), or now when that is still to come. */
function postDateOf(lastDay: string, now: Date): string {
  const end = new Date(endOfLocalDay(lastDay) - 1000);
  return (end < now ? end : now).toISOString();
}

function oldestFirst(a: Bookmark, b: Bookmark): number {
  return a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1;
}

/** Builds digests from the inbox: the range's links in the author's order, through their templates. */
export class Digests {
  constructor(
    private readonly inbox: Inbox,
    private readonly settings: SettingsStore,
    private readonly drafts: DraftStore,
    private readonly now: () => Date,
  ) {}

  async preview(request: DigestRequest): Promise<DigestPreview> {
    if (request.from > request.to) {
      const message = `The end date (${request.to}) is before the start date (${request.from}).`;
      const problem: FieldProblem = { field: 'to', label: 'end date', message };
      throw new CoreFailure('invalid-args', message, { fields: [problem] });
    }
    const template = pickTemplate(this.settings.get().digestTemplates, request.template);
    const inRange = await this.inbox.list({
      from: request.from,
      to: request.to,
      used: request.includeUsed ? 'all' : 'unused',
      archived: 'active',
    });
    inRange.sort(oldestFirst);
    const byId = new Map(inRange.map((bookmark) => [bookmark.id, bookmark]));
    const ordered: Bookmark[] = [];
    for (const id of request.order ?? []) {
      const bookmark = byId.get(id);
      if (bookmark) {
        ordered.push(bookmark);
        byId.delete(id);
      }
    }
    ordered.push(...inRange.filter((bookmark) => byId.has(bookmark.id)));
    const excluded = new Set(request.excluded ?? []);
    const items = ordered.filter((bookmark) => !excluded.has(bookmark.id));
    let rendered;
    try {
      rendered = renderDigest({
        template,
        from: request.from,
        to: request.to,
        items,
        groupByTag: request.groupByTag,
      });
    } catch (error) {
      if (error instanceof DigestTemplateError) throw new CoreFailure('invalid-args', error.message);
      throw error;
    }
    return {
      ...rendered,
      links: ordered,
      excluded: ordered.filter((bookmark) => excluded.has(bookmark.id)).map((bookmark) => bookmark.id),
      template: template.name,
    };
  }

  async create(request: DigestRequest) {
    const preview = await this.preview(request);
    const excluded = new Set(preview.excluded);
    const used = preview.links.filter((bookmark) => !excluded.has(bookmark.id));
    if (used.length === 0) {
      throw new CoreFailure(
        'invalid-args',
        `There are no unused links from ${request.from} to ${request.to}: widen the range or add links first.`,
      );
    }
    const draft = await this.drafts.create({
      title: preview.title,
      html: preview.html,
      publishAt: postDateOf(request.to, this.now()),
    });
    await this.inbox.markUsed(
      used.map((bookmark) => bookmark.id),
      draft.id,
    );
    await this.inbox.store.write([], {
      draftId: draft.id,
      from: request.from,
      to: request.to,
      createdAt: draft.createdAt,
    });
    return { draft: { id: draft.id, title: draft.title, html: draft.html }, used: used.length };
  }
}
