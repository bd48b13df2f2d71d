import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TEST_DATABASE_URL } from '../support/test-database';

const run = promisify(execFile);

/** The api's own process, as a deployment starts it, with only the environment given. */
async function startApi(env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', LOG_LEVEL: 'warn', ...env },
      timeout: 30_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('a deployment that is not safe to run', () => {
  it('is refused at start, naming AUTH_JWT_SECRET, when a real database has no secret and no identity provider', async () => {
    const { code, output } = await startApi({ DATABASE_URL: TEST_DATABASE_URL, NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toContain('Front Door cannot start');
    expect(output).toContain('AUTH_JWT_SECRET');
    expect(output).not.toContain('Front Door is running');
  });
});
