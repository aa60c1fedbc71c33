import * as z from 'zod';
import { DRAFT_STATUSES, draftFieldsSchema, remotePostSchema, type Draft } from '../../../shared/model/draft';

/** The version of draft.json this code writes. Older files are migrated forward when read. */
export const DRAFT_FORMAT_VERSION = 1;

const isoTime = z.string().min(1);

const storedDraftSchema = draftFieldsSchema.extend({
  formatVersion: z.literal(DRAFT_FORMAT_VERSION),
  id: z.string().min(1),
  editorState: z.string().nullable().default(null),
  html: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
  status: z.enum(DRAFT_STATUSES).default('draft'),
  statusMessage: z.string().nullable().default(null),
  remote: remotePostSchema.nullable().default(null),
  wordCount: z.number().int().min(0),
  trashedAt: z.string().nullable().default(null),
});

/**
 * Steps that turn version N into N + 1, applied in order on read. Empty while only version 1 exists;
 * a change to the format adds a step here and bumps DRAFT_FORMAT_VERSION.
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

/** Why a draft file could not be used; `newer` files were written by a later Postwright and are left alone. */
export class DraftFileError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreadable' | 'newer',
  ) {
    super(message);
    this.name = 'DraftFileError';
  }
}

export function parseDraftFile(text: string, expectedId: string): Draft {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DraftFileError(`draft.json is not valid JSON: ${(error as Error).message}`, 'unreadable');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DraftFileError('draft.json does not hold an object.', 'unreadable');
  }
  let record = raw as Record<string, unknown>;
  let version = record.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new DraftFileError('draft.json has no valid formatVersion.', 'unreadable');
  }
  if (version > DRAFT_FORMAT_VERSION) {
    throw new DraftFileError(
      `draft.json was written by a newer Postwright (format ${version}); update Postwright to open it.`,
      'newer',
    );
  }
  while (version < DRAFT_FORMAT_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new DraftFileError(`No migration from draft format ${version}.`, 'unreadable');
    record = { ...step(record), formatVersion: version + 1 };
    version += 1;
  }
  const parsed = storedDraftSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DraftFileError(
      `draft.json is invalid at ${issue?.path.join('.')}: ${issue?.message}`,
      'unreadable',
    );
  }
  if (parsed.data.id !== expectedId) {
    throw new DraftFileError(
      `draft.json names draft ${parsed.data.id}, not its folder ${expectedId}.`,
      'unreadable',
    );
  }
  const { formatVersion: _version, ...draft } = parsed.data;
  return draft;
}

export function serializeDraft(draft: Draft): string {
  return JSON.stringify({ formatVersion: DRAFT_FORMAT_VERSION, ...draft });
}
