import { describe, expect, it } from 'vitest';
import { storageFailure } from '../../main/core/fs/storage-failure';

// A failed write reaches the author as one sentence, whether the file system or SQLite (the drafts
// index) reported it; SQLite's own "disk I/O error" is never the message.
describe('a failed write as the author reads it', () => {
  const failure = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('names a full disk from the file system or from SQLite', () => {
    expect(storageFailure(failure('ENOSPC'))?.message).toMatch(/the disk is full/);
    expect(storageFailure(failure('SQLITE_FULL', 'database or disk is full'))?.message).toBe(
      'Postwright could not save to the data folder: the disk is full. Free some space and try again. What was saved before is unchanged.',
    );
  });

  it('names a read-only folder and a write SQLite could not make', () => {
    expect(storageFailure(failure('SQLITE_READONLY_DBMOVED'))?.message).toMatch(/the folder is read-only/);
    expect(storageFailure(failure('SQLITE_CANTOPEN'))?.message).toMatch(/the folder is read-only/);
    expect(storageFailure(failure('SQLITE_IOERR_WRITE'))?.message).toMatch(/the disk is full/);
    const io = storageFailure(failure('SQLITE_IOERR', 'disk I/O error'));
    expect(io?.code).toBe('storage');
    expect(io?.message).toMatch(/could not be written \(it may be full\)/);
    expect(io?.message).not.toMatch(/I\/O/);
  });

  it('leaves other errors alone', () => {
    expect(storageFailure(failure('SQLITE_CONSTRAINT'))).toBeNull();
    expect(storageFailure(new Error('no code'))).toBeNull();
  });
});
