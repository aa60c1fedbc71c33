import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../shared/version';
import { runCli } from '../support/cli';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

describe('the postwright command', () => {
  it('prints help listing its commands', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: postwright');
    expect(result.stdout).toMatch(/serve \[options\]/);
    expect(result.stdout).toContain('--data-dir');
  });

  it('prints its version, as text and as JSON', () => {
    expect(runCli(['version']).stdout.trim()).toBe(`postwright ${APP_VERSION}`);
    expect(runCli(['--json', 'version']).json()).toMatchObject({ name: 'postwright', version: APP_VERSION });
  });

  it('says clearly what was wrong and exits non-zero on bad usage', () => {
    const unknown = runCli(['publsh']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'publsh'");
    const badPort = runCli(['serve', '--port', 'eighty']);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('a port is a whole number');
  });

  it('refuses to serve when the app has not been built', () => {
    const result = runCli(['serve', '--no-open'], {
      dataDir: tempDir(),
      env: { POSTWRIGHT_RENDERER_DIR: tempDir() },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^postwright: The app is not built .*npm run build/);
  });
});
