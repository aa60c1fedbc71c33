import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type RunningCli } from '../support/cli';
import { makePng } from '../support/png';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * The browser host as an author runs it (`postwright serve`, its own process), under big messages:
 * RSS is read from /proc (VmHWM: the peak resident size the kernel saw), so the figure is the
 * process's real high-water mark, not an estimate.
 */
let serve: RunningCli;
let origin = '';
let cookie = '';
let dataDir = '';
let pid = 0;

function peakRssMb(): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

function call(socket: WebSocket, id: number, method: string, args: unknown) {
  return new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>((resolve) => {
    const onMessage = (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as { id: number; ok: boolean };
      if (reply.id !== id) return;
      socket.off('message', onMessage);
      resolve(reply);
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, method, args }));
  });
}

function openSocket(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${origin.replace('http', 'ws')}/core`, {
      headers: { Origin: origin, Cookie: cookie },
    });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'postwright-memory-'));
  serve = startCli(['--json', 'serve', '--no-open'], { dataDir });
  const [url] = await serve.waitFor(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
  const address = new URL(url!);
  origin = address.origin;
  cookie = `postwright_${address.port}=${address.searchParams.get('token')}`;
  // The serving process is the one listening: find it by its data folder among node processes.
  pid = Number(
    readdirSync('/proc').find((entry) => {
      if (!/^\d+$/.test(entry)) return false;
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dataDir);
      } catch {
        return false;
      }
    }),
  );
  expect(pid).toBeGreaterThan(0);
}, 60_000);

afterAll(async () => {
  if (pid) process.kill(pid, 'SIGTERM');
  await serve.result;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the browser host under big messages', () => {
  it('refuses six 49 MB WebSocket messages unread, keeps its RSS under 500 MB, and goes on serving', async () => {
    const before = peakRssMb();
    const message = JSON.stringify({
      id: 1,
      method: 'drafts-add-asset',
      args: { id: 'x', filename: 'big.png', mimeType: 'image/png', dataBase64: 'A'.repeat(49 * 1024 * 1024) },
    });
    const closes = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const socket = await openSocket();
        return new Promise<number>((resolve) => {
          socket.once('close', (code) => resolve(code));
          socket.send(message);
        });
      }),
    );
    // 1009: "message too big", said by the host before it buffers the message.
    expect(closes).toEqual([1009, 1009, 1009, 1009, 1009, 1009]);
    const peak = peakRssMb();
    console.log(
      `browser host RSS peak: ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB after six 49 MB messages`,
    );
    expect(peak).toBeLessThan(500);

    const socket = await openSocket();
    expect(await call(socket, 2, 'drafts-list', {})).toMatchObject({ ok: true, value: [] });
    socket.close();
  });

  it('takes images over HTTP, streamed: six 24 MB uploads at once stay under 500 MB', async () => {
    const socket = await openSocket();
    const made = (await call(socket, 3, 'drafts-create', { title: 'Photos' })) as { value: { id: string } };
    socket.close();
    const id = made.value.id;
    const png = makePng(2);
    const big = Buffer.concat([png, Buffer.alloc(24 * 1024 * 1024 - png.length, 7)]);
    const post = (body: Buffer, headers: Record<string, string> = {}, name = 'photo.png') =>
      fetch(`${origin}/drafts/${id}/assets?name=${name}`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'image/png', ...headers },
        body: new Uint8Array(body),
      });

    const answers = await Promise.all(Array.from({ length: 6 }, (_, n) => post(big, {}, `photo-${n}.png`)));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const peak = peakRssMb();
    console.log(`browser host RSS peak after six 24 MB image uploads: ${peak.toFixed(0)} MB`);
    expect(peak).toBeLessThan(500);
    const { src } = (await answers[0]!.json()) as { src: string };
    const served = await fetch(origin + src, { headers: { Cookie: cookie } });
    expect(Buffer.from(await served.arrayBuffer()).equals(big)).toBe(true);

    // What is refused, and with which sentence.
    const refused = async (response: Response) => [
      response.status,
      ((await response.json()) as { error: { message: string } }).error.message,
    ];
    expect(await refused(await post(Buffer.alloc(26 * 1024 * 1024, 1)))).toEqual([
      413,
      'photo.png is larger than 25 MB, the most an image can be. Make it smaller first.',
    ]);
    expect(
      await refused(await post(Buffer.from('<svg onload=alert(1)>'), { 'Content-Type': 'image/svg+xml' })),
    ).toEqual([400, 'Postwright cannot add image/svg+xml images. Use a PNG, JPEG, GIF, WebP or AVIF image.']);
    expect(await refused(await post(Buffer.from('<html>not a png</html>')))).toEqual([
      400,
      'photo.png is not a PNG image. Pick another file.',
    ]);
    expect((await post(png, { Origin: 'http://evil.example' })).status).toBe(403);
    expect(
      (
        await fetch(`${origin}/drafts/${id}/assets?name=a.png`, {
          method: 'POST',
          body: new Uint8Array(png),
          headers: { Origin: origin },
        })
      ).status,
    ).toBe(401);
    // A body that grows past the cap without saying its length: cut off, nothing left behind.
    const chunked = new Blob([Buffer.alloc(13 * 1024 * 1024, 1), Buffer.alloc(13 * 1024 * 1024, 2)]);
    const stream = chunked.stream();
    const streamed = await fetch(`${origin}/drafts/${id}/assets?name=stream.png`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'image/png' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(400);
    const left = readdirSync(join(dataDir, 'drafts', id, 'assets'));
    expect(left.filter((name) => name.startsWith('.'))).toEqual([]);
    expect(left).toHaveLength(6);
  });

  it('answers a refused image with its sentence every time, though the browser is still sending it', async () => {
    const socket = await openSocket();
    const made = (await call(socket, 4, 'drafts-create', { title: 'Refusals' })) as { value: { id: string } };
    socket.close();
    const post = (body: Buffer, name: string) =>
      fetch(`${origin}/drafts/${made.value.id}/assets?name=${name}`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'image/png' },
        body: new Uint8Array(body),
      }).then(
        async (response) => [
          response.status,
          ((await response.json()) as { error: { message: string } }).error.message,
        ],
        (error: Error) => [0, String(error.cause ?? error)],
      );
    // Refused before a byte is read (too big) and after the first bytes (not a PNG): the answer
    // must reach the sender, not a reset connection ("fetch failed") while it still sends.
    const tooBig = Buffer.alloc(26 * 1024 * 1024, 1);
    const notPng = Buffer.alloc(20 * 1024 * 1024, 3);
    for (let round = 0; round < 6; round += 1) {
      expect([round, ...(await post(tooBig, 'huge.png'))]).toEqual([
        round,
        413,
        'huge.png is larger than 25 MB, the most an image can be. Make it smaller first.',
      ]);
      expect(await post(notPng, 'fake.png')).toEqual([
        400,
        'fake.png is not a PNG image. Pick another file.',
      ]);
    }
  });
});
