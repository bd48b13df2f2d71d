import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { openDatabase } from '../data-source';
import { AccessLogEntity } from '../entities/access-log.entity';
import { ChildEntity } from '../entities/child.entity';
import { insertEntities } from './raw-sql';
import { scopedRow, scopedRows } from './tenant-scope';

/**
 * The hot reads and inserts written as SQL must store and return exactly what TypeORM itself
 * would: dates, jsonb, text arrays, nulls, defaults and generated ids (real PostgreSQL).
 */
describe('reads and inserts written as SQL', () => {
  let dataSource: DataSource;
  const tenant = `raw-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 2 });
  });
  afterAll(() => dataSource.destroy());

  const child = (overrides: Partial<ChildEntity> = {}): ChildEntity =>
    Object.assign(new ChildEntity(), {
      id: randomUUID(),
      tenant,
      givenName: 'Zoë',
      familyName: "O'Neill",
      givenNameKey: 'zoe',
      familyNameKey: 'oneill',
      postcodeKey: 'ab12cd',
      dateOfBirth: '2016-02-29',
      expectedDateOfBirth: null,
      sex: null,
      nhsNumber: null,
      upn: null,
      ethnicity: 'WBRI',
      disabilities: ['LD', 'AUT'],
      address: { line1: '1 "Quoted" Road', town: null, postcode: 'AB1 2CD' },
      ...overrides,
    });

  it('reads back what it inserted exactly as TypeORM reads it, the created time set by PostgreSQL', async () => {
    const children = [child(), child({ address: null, dateOfBirth: null, givenName: 'Sam', disabilities: null })];
    await insertEntities(dataSource.manager, ChildEntity, children);
    for (const inserted of children) {
      const byTypeOrm = await dataSource.manager.findOneByOrFail(ChildEntity, { tenant, id: inserted.id });
      expect(byTypeOrm).toMatchObject({ ...inserted, createdAt: expect.any(Date) });
      expect(await scopedRow(dataSource.manager, ChildEntity, 'ch', tenant, { where: 'ch.id = $2', parameters: [inserted.id] })).toEqual(byTypeOrm);
    }
  });

  it('leaves generated ids to PostgreSQL and keeps text arrays as arrays', async () => {
    const subjectId = randomUUID();
    const at = new Date('2026-11-23T10:00:00.123Z');
    const entry = { tenant, actorSub: 'm1', actorRoles: ['manager', 'practitioner'], action: 'episode.read', subjectType: 'episode' as const, subjectId, at };
    await insertEntities(dataSource.manager, AccessLogEntity, [entry, { ...entry, action: 'episode.history' }] as AccessLogEntity[]);
    const rows = await scopedRows(dataSource.manager, AccessLogEntity, 'l', tenant, { where: 'l.subject_id = $2', parameters: [subjectId], orderBy: ['l.id'] });
    expect(rows).toEqual(await dataSource.manager.find(AccessLogEntity, { where: { tenant, subjectId }, order: { id: 'ASC' } }));
    expect(rows.map(({ action, actorRoles, at: when }) => ({ action, actorRoles, when }))).toEqual([
      { action: 'episode.read', actorRoles: ['manager', 'practitioner'], when: at },
      { action: 'episode.history', actorRoles: ['manager', 'practitioner'], when: at },
    ]);
  });

  it('reads only the tenant it is given, and refuses to read without one', async () => {
    const other = child({ tenant: `${tenant}-other` });
    await insertEntities(dataSource.manager, ChildEntity, [other]);
    expect(await scopedRow(dataSource.manager, ChildEntity, 'ch', tenant, { where: 'ch.id = $2', parameters: [other.id] })).toBeNull();
    await expect(scopedRows(dataSource.manager, ChildEntity, 'ch', '', { where: 'true', parameters: [] })).rejects.toThrow('a tenant is required');
  });
});
