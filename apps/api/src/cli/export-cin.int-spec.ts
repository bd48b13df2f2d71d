import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Actor } from '@frontdoor/auth';
import { AuthoritySettingsRegistry, SettableClock } from '@frontdoor/config';
import { ApplyEvent, CreateContact } from '@frontdoor/engine';
import { Database, openDatabase } from '@frontdoor/persistence';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';

const run = promisify(execFile);

/**
 * `npm run -s export:cin` as a manager runs it: only XML on stdout (it is redirected into the
 * file sent to the DfE), and with --draft the XML of a return still being fixed, its problems
 * on stderr or in the file --problems names.
 */
describe('the CIN census export command', () => {
  // A DfE local authority number of this spec's own: the command takes the tenant as the LA code.
  const tenant = '939';
  let dataSource: DataSource;

  const exportCin = (...args: string[]) =>
    run('node', ['-r', '@swc-node/register', 'apps/api/src/cli/export-cin.ts', '--year', '2026', '--tenant', tenant, ...args], {
      env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL, LOG_LEVEL: 'silent' },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 2 });
    const db = new Database(dataSource);
    const clock = new SettableClock(new Date('2025-06-02T09:00:00Z'));
    const actor: Actor = { sub: 'm', name: 'M', roles: ['practitioner', 'manager'], tenant, agency: null, email: null, sourceCode: null };
    // Family Help for a child whose disabilities nobody gave: the DfE needs them (rule 8540).
    const { contact } = await new CreateContact(db, clock, new AuthoritySettingsRegistry()).execute({
      actor,
      input: {
        channel: 'phone',
        referrer: { name: 'R', sourceCode: '2A', email: 'r@example.org', feedbackChannel: 'email' },
        children: [{ givenName: 'Dot', familyName: 'Draft', dateOfBirth: '2014-02-02', sex: 'F' }],
        concern: { summary: 'worry', categories: ['neglect'], immediateRisk: false },
        consent: { obtained: true },
      },
    });
    const apply = new ApplyEvent(db, clock);
    const episodeId = contact.episodes[0].id;
    for (const body of [
      { type: 'SCREEN', outcome: 'concern' },
      { type: 'PROPOSE_DECISION', outcome: 'family_help', thresholdLevel: 2, rationale: 'r', feedbackForReferrer: 'f', primaryNeed: 'N4' },
      { type: 'APPROVE_DECISION' },
    ]) {
      await apply.execute({ actor, episodeId, body });
    }
  }, 60_000);
  afterAll(() => dataSource.destroy());

  it('refuses a return with problems: nothing on stdout, what to fix on stderr, exit 1', async () => {
    const refused = await exportCin();
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toContain('"rule":"8540"');
  }, 60_000);

  it('writes a draft: only the XML on stdout, the problems on stderr', async () => {
    const draft = await exportCin('--draft');
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Message>[\s\S]*<\/Message>\n?$/);
    expect(draft.stderr).toContain('"rule":"8540"');
    expect(draft.stderr).toContain('DRAFT CIN census 2026: 1 children, 1 referrals, 1 problem(s)');
  }, 60_000);

  it('writes a draft’s problems to the file --problems names', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cin-')), 'problems.json');
    const draft = await exportCin('--draft', '--problems', file);
    expect(draft.code).toBe(0);
    expect(draft.stdout.startsWith('<?xml')).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ draft: true, problems: [{ rule: '8540' }] });
  }, 60_000);
});
