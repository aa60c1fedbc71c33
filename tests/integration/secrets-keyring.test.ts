import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/cli';
import { useTempDir } from '../support/temp-dir';

/**
 * Figure R12: where the browser host and the CLI keep passwords. With a system keyring (a real
 * GNOME Keyring on a private session bus here) they go into it and secrets.json is gone; without
 * one they stay in the 0600 file and every listing says that this is the weaker store.
 */
const tempDir = useTempDir('postwright-keyring-');
const PASSWORD = 'correct horse battery staple';
/** A session bus that is not there: the keyring is probed and found missing. */
const NO_KEYRING = { POSTWRIGHT_SECRETS: '', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };

/** A MetaWeblog blog on 127.0.0.1 that signs in only with PASSWORD. */
let blog: Server;
let blogUrl = '';
const xml = (value: string) =>
  `<?xml version="1.0"?><methodResponse><params><param><value>${value}</value></param></params></methodResponse>`;
beforeAll(async () => {
  blog = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.method === 'GET')
        return void response.end('<html><head><title>Keyring blog</title></head></html>');
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      if (body.includes('system.listMethods'))
        return void response.end(
          xml('<array><data><value><string>metaWeblog.newPost</string></value></data></array>'),
        );
      if (!body.includes(PASSWORD))
        return void response.end(
          '<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>403</int></value></member><member><name>faultString</name><value><string>Incorrect username or password.</string></value></member></struct></value></fault></methodResponse>',
        );
      response.end(
        xml(
          `<array><data><value><struct><member><name>blogid</name><value><string>1</string></value></member><member><name>blogName</name><value><string>Keyring blog</string></value></member><member><name>url</name><value><string>${blogUrl}</string></value></member></struct></value></data></array>`,
        ),
      );
    });
  });
  await new Promise<void>((resolve) => blog.listen(0, '127.0.0.1', resolve));
  blogUrl = `http://127.0.0.1:${(blog.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => blog.close(() => resolve())));

/** A postwright command where no keyring answers (the session bus is not there). */
const withoutKeyring = (args: string[], dataDir: string, input?: string) =>
  runCliAsync(args, { dataDir, env: NO_KEYRING, ...(input !== undefined ? { input } : {}) });

/** Adds the blog with its password typed on stdin, no keyring answering: the password lands in the file. */
async function addBlogWithoutKeyring(dataDir: string) {
  const added = await withoutKeyring(
    ['blogs', 'add', blogUrl, '--user', 'author', '--password-stdin'],
    dataDir,
    PASSWORD,
  );
  expect(added.status, added.stderr).toBe(0);
}

/** Runs postwright commands in one private D-Bus session with an unlocked GNOME Keyring. */
function withKeyring(home: string, commands: string[][], dataDir: string) {
  const cli = (args: string[]) =>
    ['node', 'dist/cli/postwright.mjs', '--data-dir', dataDir, ...args]
      .map((part) => `'${part.replace(/'/g, "'\\''")}'`)
      .join(' ');
  const script = [
    'printf unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1',
    ...commands.map((args) => `${cli(args)} < "$HOME/password"`),
  ].join(' && ');
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      'dbus-run-session',
      ['--', 'sh', '-c', `printf '%s' '${PASSWORD}' > "$HOME/password"; ${script}`],
      {
        env: {
          ...process.env,
          POSTWRIGHT_SECRETS: '',
          HOME: home,
          XDG_DATA_HOME: join(home, 'data'),
          XDG_RUNTIME_DIR: home,
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

describe('where passwords are kept', () => {
  it('without a keyring: in secrets.json (0600), and the listing says it is weaker', async () => {
    const dataDir = tempDir();
    await addBlogWithoutKeyring(dataDir);
    const file = join(dataDir, 'secrets.json');
    expect(readFileSync(file, 'utf8')).toContain(PASSWORD);
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    const list = await withoutKeyring(['blogs', 'list'], dataDir);
    expect(list.stdout).toMatch(
      /Passwords: No system keyring could be used \(.+\), so passwords and tokens are kept unencrypted in .*secrets\.json.*That is weaker than a keyring/,
    );
  });

  it('with a keyring: in the keyring, moved there from the file, and the listing says so', async () => {
    expect(
      existsSync('/usr/bin/gnome-keyring-daemon'),
      'gnome-keyring is installed (npm test installs it)',
    ).toBe(true);
    const dataDir = tempDir();
    // Added while no keyring runs: the password lands in the file first.
    await addBlogWithoutKeyring(dataDir);
    const listed = await withoutKeyring(['--json', 'blogs', 'list'], dataDir);
    const blogId = (JSON.parse(listed.stdout) as { id: string }[])[0]!.id;

    const session = await withKeyring(
      tempDir(),
      [
        ['blogs', 'test', blogId],
        ['blogs', 'list'],
      ],
      dataDir,
    );
    expect(session.status, session.stderr).toBe(0);
    expect(session.stdout).toContain('Passwords: Passwords and tokens are encrypted in your system keyring.');
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false);

    // Without the keyring the password is not anywhere Postwright can read: it was moved, not copied.
    const later = await withoutKeyring(['blogs', 'test', blogId], dataDir);
    expect(later.status).not.toBe(0);
  });
});
