import WebSocket from 'ws';
import type { ArgsOf, MethodName, ResultOf } from '../../../shared/contract';
import { CoreFailure, type ErrorCode } from '../../../shared/contract/errors';
import { startHostProcess, type HostProcess } from '../../e2e/support/browser-host-process';

/**
 * The app as another process sees it: `postwright serve` over a data folder, driven over its
 * WebSocket with the calls the renderer makes (autosaves, calendar and inbox changes), and the
 * events it pushes, as the renderer receives them.
 */
export interface AppProcess {
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
  /** Resolves with the first pushed event of that name whose payload `matches`. */
  waitForEvent(event: string, matches?: (payload: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  readonly host: HostProcess;
  stop(): Promise<void>;
}

export async function startApp(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
  const host = await startHostProcess(dataDir, env);
  const token = new URL(host.url).searchParams.get('token');
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/core`, {
    headers: { Origin: `http://127.0.0.1:${host.port}`, Cookie: `postwright_${host.port}=${token}` },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const watchers = new Set<{
    event: string;
    matches: (payload: unknown) => boolean;
    resolve: (p: unknown) => void;
  }>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      id?: number;
      ok?: boolean;
      value?: unknown;
      error?: { code: string; message: string };
      event?: string;
      payload?: unknown;
    };
    if (message.event) {
      for (const watcher of [...watchers])
        if (watcher.event === message.event && watcher.matches(message.payload)) {
          watchers.delete(watcher);
          watcher.resolve(message.payload);
        }
      return;
    }
    const waiting = pending.get(message.id!);
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(new CoreFailure(message.error!.code as ErrorCode, message.error!.message));
  });
  return {
    host,
    call: (method, args) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, args }));
      }),
    waitForEvent: (event, matches = () => true, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const watcher = { event, matches, resolve };
        watchers.add(watcher);
        setTimeout(() => {
          if (watchers.delete(watcher)) reject(new Error(`no ${event} event within ${timeoutMs} ms`));
        }, timeoutMs).unref();
      }),
    async stop() {
      socket.close();
      await host.stop();
    },
  };
}
