import type { Bookmark } from '../../shared/model/bookmark';

/** A link as the inbox keeps it, with every field a test does not name at its plain default. */
export function bookmarkOf(fields: Partial<Bookmark> & { url: string }): Bookmark {
  return {
    id: fields.url,
    key: fields.url,
    title: '',
    description: '',
    comment: '',
    tags: [],
    addedAt: '2009-11-05T10:00:00.000Z',
    updatedAt: '2009-11-05T10:00:00.000Z',
    archived: false,
    usedIn: [],
    deletedAt: null,
    fetch: { state: 'none', message: null, at: null },
    meta: null,
    ...fields,
  };
}
