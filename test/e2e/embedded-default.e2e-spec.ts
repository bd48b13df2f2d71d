import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDevelopmentToken } from '../../libs/auth/src';
import { DEVELOPMENT_JWT_SECRET } from '../../libs/config/src';
import { eventually } from '../support/eventually';
import { contactBody } from '../support/front-door-client';

/**
 * The README's first command on a machine with only Node: no DATABASE_URL, no REDIS_URL.
 * Front Door boots on embedded PGlite, loads its demo, and takes a contact.
 */
describe('the embedded default', () => {
  let child: ChildProcess;
  let baseUrl: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'front-door-embedded-'));

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', FRONT_DOOR_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    delete env.AUTH_JWT_SECRET;
    child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/front-door/src/main.ts'], {
      cwd: join(__dirname, '..', '..'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    baseUrl = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`did not start in time:\n${output}`)), 110_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Front Door is running at (http:\/\/localhost:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots, shows the demo, takes a referral and delivers its acknowledgement through the embedded queue', async () => {
    const sign = (roles: ('practitioner' | 'referrer')[], sub: string) =>
      signDevelopmentToken(DEVELOPMENT_JWT_SECRET, { sub, name: sub, roles, tenant: '865' });
    const staff = { Authorization: `Bearer ${await sign(['practitioner'], 'alice')}`, 'Content-Type': 'application/json' };
    const referrer = { Authorization: `Bearer ${await sign(['referrer'], 'sam')}`, 'Content-Type': 'application/json' };

    expect((await fetch(`${baseUrl}/health/ready`)).status).toBe(200);
    const demo = (await (await fetch(`${baseUrl}/api/v1/episodes`, { headers: staff })).json()) as { total: number };
    expect(demo.total).toBeGreaterThanOrEqual(5);

    const body = contactBody({ channel: 'portal', referrer: { name: 'Sam Patel', sourceCode: '5B', feedbackChannel: 'portal' } });
    const created = await fetch(`${baseUrl}/api/v1/contacts`, { method: 'POST', headers: referrer, body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const delivered = await eventually(async () => {
      const view = (await (await fetch(`${baseUrl}/api/v1/referrals/mine/${id}`, { headers: referrer })).json()) as {
        messages: { kind: string; status: string }[];
      };
      return view.messages.find((m) => m.kind === 'acknowledgement' && m.status === 'delivered');
    });
    expect(delivered).toBeTruthy();
  });

  it('delivers email to the demo mailbox when no mail server is set, where a manager reads it', async () => {
    const sign = (roles: ('practitioner' | 'manager')[], sub: string) =>
      signDevelopmentToken(DEVELOPMENT_JWT_SECRET, { sub, name: sub, roles, tenant: '865' });
    const staff = { Authorization: `Bearer ${await sign(['practitioner'], 'alice')}`, 'Content-Type': 'application/json' };
    const manager = { Authorization: `Bearer ${await sign(['manager'], 'morgan')}` };
    const body = contactBody({ referrer: { name: 'Sam Patel', sourceCode: '5B', feedbackChannel: 'email', email: 'sam.patel@school.example' } });
    const created = await fetch(`${baseUrl}/api/v1/contacts`, { method: 'POST', headers: staff, body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const { reference } = (await created.json()) as { reference: string };
    const mail = await eventually(async () => {
      const box = (await (await fetch(`${baseUrl}/api/v1/demo-mailbox?pageSize=200`, { headers: manager })).json()) as {
        items: { kind: string; to: { address: string }; subject: string; body: string }[];
      };
      return box.items.find((item) => item.kind === 'acknowledgement' && item.body.includes(reference));
    });
    expect(mail).toMatchObject({ to: { address: 'sam.patel@school.example' } });
    const failed = (await (await fetch(`${baseUrl}/api/v1/messages?status=failed`, { headers: manager })).json()) as { total: number };
    expect(failed.total).toBe(0);
  });
});
