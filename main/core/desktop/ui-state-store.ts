import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { uiStateSchema, type UiState, type UiStatePatch } from '../../../shared/model/ui-state';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Logger } from '../platform/logger';

/**
 * `ui-state.json` in the data folder: where the author left off. Read once, written crash-safely
 * after each change, one write at a time. A file that cannot be read starts from the defaults: it
 * only says which screen was open, so nothing the author made is lost with it.
 */
export class UiStateStore {
  private current: Promise<UiState> | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly logger: Logger,
  ) {}

  get(): Promise<UiState> {
    this.current ??= this.read();
    return this.current;
  }

  update(patch: UiStatePatch): Promise<UiState> {
    const next = this.get().then((state) => uiStateSchema.parse({ ...state, ...patch }));
    this.current = next;
    // After the previous write, so the file ends with the latest state.
    const previous = this.writes;
    const write = Promise.all([next, previous]).then(([state]) =>
      writeFileAtomic(this.file, `${JSON.stringify(state, null, 2)}\n`),
    );
    this.writes = write.catch((error: unknown) =>
      this.logger.warn('could not write ui-state.json', { error: String(error) }),
    );
    return write.then(() => next);
  }

  private get file(): string {
    return join(this.dataDir, 'ui-state.json');
  }

  private async read(): Promise<UiState> {
    try {
      return uiStateSchema.parse(JSON.parse(await readFile(this.file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.logger.warn('ui-state.json could not be read; starting from the defaults', {
          error: String(error),
        });
      return uiStateSchema.parse({});
    }
  }
}
