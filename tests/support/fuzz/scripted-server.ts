import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/**
 * A server on 127.0.0.1 that gives whatever answer the test sets next: the fuzzers put one hostile
 * answer in, make one real request through the app's own client, and judge what came out.
 */
export async function startScriptedServer(): Promise<{
  origin: string;
  answer(next: ScriptedAnswer): void;
  close(): Promise<void>;
}> {
  let next: ScriptedAnswer = { status: 500, headers: {}, body: '' };
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      try {
        response.writeHead(next.status, next.headers);
      } catch {
        // A fuzzed header the HTTP layer refuses to send: send the answer without it.
        response.writeHead(next.status);
      }
      response.end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answer: (value) => (next = value),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Settles `work`, or says it hung: a fuzzed answer must end in a value or an error before `ms`. */
export async function settle<T>(
  work: () => Promise<T>,
  ms: number,
): Promise<{ kind: 'value'; value: T } | { kind: 'error'; error: unknown } | { kind: 'hang' }> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<{ kind: 'hang' }>(
    (resolve) => (timer = setTimeout(() => resolve({ kind: 'hang' }), ms)),
  );
  try {
    return await Promise.race([
      work().then(
        (value) => ({ kind: 'value' as const, value }),
        (error: unknown) => ({ kind: 'error' as const, error }),
      ),
      hang,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Counts how fuzzed answers ended: a checked value, a clear error, or one of the three failures the
 * figure counts (a hang, a crash: any other exception, an unvalidated value), each with its label.
 */
export function fuzzTally(isClearError: (error: unknown) => boolean) {
  const tally = {
    values: 0,
    errors: 0,
    hangs: [] as string[],
    crashes: [] as string[],
    unchecked: [] as string[],
  };
  return {
    tally,
    record(
      label: string,
      outcome: Awaited<ReturnType<typeof settle>>,
      check: (value: unknown) => string | null,
    ) {
      if (outcome.kind === 'hang') tally.hangs.push(label);
      else if (outcome.kind === 'error') {
        if (isClearError(outcome.error)) tally.errors++;
        else tally.crashes.push(`${label}: ${String(outcome.error)}`);
      } else {
        const broken = check(outcome.value);
        if (broken) tally.unchecked.push(`${label}: ${broken}`);
        else tally.values++;
      }
    },
    summary: (name: string, cases: number) =>
      `${name}: ${cases} answers, ${tally.values} checked values, ${tally.errors} clear errors, ${tally.hangs.length} hangs, ${tally.crashes.length} crashes, ${tally.unchecked.length} unvalidated values`,
  };
}
