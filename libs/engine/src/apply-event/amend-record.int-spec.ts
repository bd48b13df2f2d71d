import { SettableClock } from '@frontdoor/config';
import { Database, openDatabase } from '@frontdoor/persistence';
import type { Actor } from '@frontdoor/auth';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { practitionerOf, receiveContact } from '../testing/receive-contact.fixture';
import { FrontDoorError } from '../errors/front-door-error';
import { ApplyEvent } from './apply-event';

/**
 * AMEND_RECORD through the one engine path: a manager's correction of census facts, taken beside
 * the chart on a closed episode (which takes no chart event), appended to history with the
 * version moved on, the state untouched, and the child's record kept current.
 */
describe('amending the statutory record of an episode', () => {
  let dataSource: DataSource;
  let db: Database;
  const clock = new SettableClock(new Date('2026-11-23T10:00:00Z'));
  const tenant = `amend-${randomUUID().slice(0, 8)}`;
  const practitioner = practitionerOf(tenant);
  const manager: Actor = { ...practitioner, sub: 'm1', name: 'M One', roles: ['manager'] };
  let apply: ApplyEvent;

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 2 });
    db = new Database(dataSource);
    apply = new ApplyEvent(db, clock);
  });
  afterAll(() => dataSource.destroy());

  /** Family Help decided at the front door, then closed (RC7). */
  async function closedFamilyHelp() {
    const { id, childId } = (await receiveContact(db, clock, practitioner)).episodes[0];
    const send = (actor: Actor, body: Record<string, unknown>) => apply.execute({ actor, episodeId: id, body });
    await send(practitioner, { type: 'SCREEN', outcome: 'concern' });
    await send(practitioner, { type: 'PROPOSE_DECISION', outcome: 'family_help', thresholdLevel: 2, rationale: 'r', feedbackForReferrer: 'f', primaryNeed: 'N4' });
    await send(manager, { type: 'APPROVE_DECISION' });
    await send(manager, { type: 'CLOSE', closedAt: clock.now().toISOString(), reason: 'RC7' });
    return { id, childId, send };
  }

  it('appends the correction to history on a closed episode, moves the version on and changes nothing else', async () => {
    const { id, childId, send } = await closedFamilyHelp();
    const before = (await db.read.episodes.findById(tenant, id))!;
    const historyBefore = await db.read.history.forEpisode(tenant, id);

    const amended = await send(manager, { type: 'AMEND_RECORD', reason: 'Audit: need miscoded', primaryNeed: 'N1', disabilities: ['LD', 'AUT'] });

    expect(amended).toMatchObject({ stage: 'closed', isOpen: false, version: before.version + 1, snapshot: before.snapshot });
    const history = await db.read.history.forEpisode(tenant, id);
    expect(history.slice(0, -1)).toEqual(historyBefore);
    expect(history.at(-1)).toMatchObject({
      type: 'AMEND_RECORD',
      actorSub: 'm1',
      fromStage: 'closed',
      toStage: 'closed',
      payload: { reason: 'Audit: need miscoded', primaryNeed: 'N1', disabilities: ['LD', 'AUT'] },
    });
    expect((await db.read.children.findById(tenant, childId))?.disabilities).toEqual(['LD', 'AUT']);
  });

  it('is a manager’s alone', async () => {
    const { send } = await closedFamilyHelp();
    await expect(send(practitioner, { type: 'AMEND_RECORD', reason: 'x', primaryNeed: 'N1' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('names every wrong field, and what the episode has nothing of to correct, changing nothing', async () => {
    const { id, send } = await closedFamilyHelp();
    const version = (await db.read.episodes.findById(tenant, id))!.version;
    const refused = await send(manager, {
      type: 'AMEND_RECORD',
      primaryNeed: 'N12',
      reasonForClosure: 'RC9',
      categoryOfAbuse: 'NEG',
      disabilities: ['NONE', 'MOB'],
      colour: 'blue',
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FrontDoorError);
    expect((refused as FrontDoorError).details).toEqual([
      { field: 'primaryNeed', message: 'must be one of: N0, N1, N2, N3, N4, N5, N6, N7, N8, N9' },
      {
        field: 'reasonForClosure',
        message:
          'cannot be amended: RC9 is "case closed after assessment" and only fits a case whose statutory work was an assessment: no assessment was completed in this episode; use RC7 or another reason (DfE rules 2990 and 8825Q)',
      },
      { field: 'categoryOfAbuse', message: 'cannot be amended: the child has had no child protection plan in this episode' },
      { field: 'disabilities', message: 'must not list other disabilities with NONE (no disability)' },
      { field: 'reason', message: 'is required' },
      { field: 'colour', message: 'is not allowed' },
    ]);
    expect((await db.read.episodes.findById(tenant, id))!.version).toBe(version);
  });
});
