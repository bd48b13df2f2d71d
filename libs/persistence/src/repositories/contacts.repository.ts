import { EntityManager } from 'typeorm';
import { ContactEntity } from '../entities/contact.entity';
import { insertEntities } from './raw-sql';
import { scoped, scopedRow } from './tenant-scope';

export class ContactsRepository {
  constructor(private readonly manager: EntityManager) {}

  findById(tenant: string, id: string): Promise<ContactEntity | null> {
    return scopedRow(this.manager, ContactEntity, 'c', tenant, { where: 'c.id = $2', parameters: [id] });
  }

  findByIds(tenant: string, ids: string[]): Promise<ContactEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return scoped(this.manager, ContactEntity, 'c', tenant).andWhere('c.id IN (:...ids)', { ids }).getMany();
  }

  /** A referrer's own contacts, newest first. */
  listForReferrer(tenant: string, referrerSub: string, page: { page: number; pageSize: number }) {
    return scoped(this.manager, ContactEntity, 'c', tenant)
      .andWhere('c.referrer_sub = :referrerSub', { referrerSub })
      .orderBy('c.received_at', 'DESC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize)
      .getManyAndCount();
  }

  async insert(contact: ContactEntity): Promise<void> {
    await insertEntities(this.manager, ContactEntity, [contact]);
  }

  /** The next reference of the tenant's year series, e.g. FD-2026-000123. */
  async nextReference(tenant: string, year: number): Promise<string> {
    const rows: { last: number }[] = await this.manager.query(
      `INSERT INTO contact_reference_counters (tenant, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (tenant, year) DO UPDATE SET last = contact_reference_counters.last + 1
       RETURNING last`,
      [tenant, year],
    );
    return `FD-${year}-${String(rows[0].last).padStart(6, '0')}`;
  }
}
