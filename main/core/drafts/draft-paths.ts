import { join } from 'node:path';

/** Draft ids are made by the library; anything else (a path, `..`) is refused before it reaches the disk. */
const DRAFT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function isDraftId(id: string): boolean {
  return DRAFT_ID.test(id);
}

/** Where each part of the drafts library lives in the data folder (see docs/data.md). */
export class DraftPaths {
  readonly root: string;
  /** The drafts index (list rows and search): derived, rebuilt from the drafts. */
  readonly index: string;
  readonly quarantine: string;

  constructor(readonly dataDir: string) {
    this.root = join(dataDir, 'drafts');
    this.index = join(this.root, 'index.sqlite');
    this.quarantine = join(dataDir, 'quarantine');
  }

  folder(id: string): string {
    return join(this.root, id);
  }

  file(id: string): string {
    return join(this.root, id, 'draft.json');
  }

  assets(id: string): string {
    return join(this.root, id, 'assets');
  }

  revisions(id: string): string {
    return join(this.root, id, 'revisions');
  }
}

/**
 * Folders under drafts/ whose names start with a dot are work in progress (a draft being created,
 * a trashed draft being erased): they are never drafts, and leftovers of a crash are removed on start.
 */
export function isDraftFolderName(name: string): boolean {
  return !name.startsWith('.') && isDraftId(name);
}
