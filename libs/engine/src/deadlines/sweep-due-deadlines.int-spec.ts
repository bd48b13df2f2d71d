import { SettableClock } from '@frontdoor/config';
import { Database, openDatabase } from '@frontdoor/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { practitionerOf, receiveContact } from '../testing/receive-contact.fixture';
import { FireDeadline } from './fire-deadline';
import { SweepDueDeadlines } from './sweep-due-deadlines';

describe('firing deadlines', () => {
  let dataSource: DataSource;
  let db: Database;
  const clock = new SettableClock(new Date('2026-11-23T10:00:00Z'));
  const tenant = `sweep-${randomUUID().slice(0, 8)}`;
  const actor = practitionerOf(tenant);

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 2 });
    db = new Database(dataSource);
  });
  afterAll(() => dataSource.destroy());

  const newEpisode = () => receiveContact(db, clock, actor, { givenName: 'Hal', familyName: 'Moss', dateOfBirth: '2013-03-03' });

  it('records a breach at the due time once it has passed, and tells the manager, even if nobody opens the case', async () => {
    clock.set('2026-11-23T10:00:00Z');
    const contact = await newEpisode();
    const episodeId = contact.episodes[0].id;
    const fire = new FireDeadline(db, clock);
    const sweep = new SweepDueDeadlines(db, clock, fire);

    clock.set('2026-11-24T22:00:00Z'); // before the end of Tuesday in London
    await sweep.execute();
    expect((await db.read.deadlines.forEpisode(tenant, episodeId)).map((d) => d.status)).toEqual(['open', 'open']);

    clock.set('2026-11-25T08:00:00Z');
    expect((await sweep.execute()).breached).toBeGreaterThanOrEqual(2);
    const deadlines = await db.read.deadlines.forEpisode(tenant, episodeId);
    expect(deadlines.map((d) => [d.kind, d.status, d.breachedAt?.toISOString()])).toEqual([
      ['acknowledgement', 'breached', '2026-11-24T23:59:59.999Z'],
      ['decision', 'breached', '2026-11-24T23:59:59.999Z'],
    ]);
    const alerts = (await db.read.outbox.forEpisode(tenant, episodeId)).filter((m) => m.kind === 'deadline_breached');
    expect(alerts.map((m) => m.content.kind).sort()).toEqual(['acknowledgement', 'decision']);
    expect(alerts[0].recipient).toMatchObject({ audience: 'manager', channel: 'staff' });
  });

  it('passes over a deadline it cannot fire, so the ones due after it are still breached, and says which', async () => {
    clock.set('2026-11-23T10:00:00Z');
    const [first, second] = [await newEpisode(), await newEpisode()];
    const [stuck] = await db.read.deadlines.forEpisode(tenant, first.episodes[0].id);
    const real = new FireDeadline(db, clock);
    // This one's transaction fails every time (as a row PostgreSQL cannot write would).
    const fire = { execute: (id: string) => (id === stuck.id ? Promise.reject(new Error('the row cannot be written')) : real.execute(id)) } as FireDeadline;

    clock.set('2026-11-25T08:00:00Z');
    const outcome = await new SweepDueDeadlines(db, clock, fire).execute();
    expect(outcome.failed).toEqual([{ deadlineId: stuck.id, reason: 'the row cannot be written' }]);
    const statuses = (await db.read.deadlines.forEpisode(tenant, second.episodes[0].id)).map((d) => d.status);
    expect(statuses).toEqual(['breached', 'breached']);
  });

  it('does nothing when a timer fires early or twice', async () => {
    clock.set('2026-11-23T10:00:00Z');
    const contact = await newEpisode();
    const [deadline] = await db.read.deadlines.forEpisode(tenant, contact.episodes[0].id);
    const fire = new FireDeadline(db, clock);
    expect(await fire.execute(deadline.id)).toBe('not_due');
    clock.set('2026-12-01T10:00:00Z');
    expect(await fire.execute(deadline.id)).toBe('breached');
    expect(await fire.execute(deadline.id)).toBe('already_settled');
    const alerts = (await db.read.outbox.forEpisode(tenant, contact.episodes[0].id)).filter((m) => m.kind === 'deadline_breached');
    expect(alerts).toHaveLength(1);
  });

  it('counts a step done on time as met, even when it is recorded after the timer marked it breached', async () => {
    clock.set('2026-11-23T10:00:00Z');
    const contact = await newEpisode();
    const episodeId = contact.episodes[0].id;
    const decision = (await db.read.deadlines.forEpisode(tenant, episodeId)).find((d) => d.kind === 'decision')!;
    clock.set('2026-11-25T09:00:00Z');
    expect(await new FireDeadline(db, clock).execute(decision.id)).toBe('breached');

    // The decision was in fact made on Tuesday afternoon, and written up on Wednesday.
    await db.transaction((stores) => stores.deadlines.complete(tenant, episodeId, { kind: 'decision', key: '' }, new Date('2026-11-24T15:00:00Z')));
    const settled = (await db.read.deadlines.forEpisode(tenant, episodeId)).find((d) => d.kind === 'decision')!;
    expect(settled).toMatchObject({ status: 'met', breachedAt: null, metAt: new Date('2026-11-24T15:00:00Z') });
  });
});
