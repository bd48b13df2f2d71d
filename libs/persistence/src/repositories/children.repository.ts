import { EntityManager } from 'typeorm';
import { ChildEntity } from '../entities/child.entity';
import { insertEntities } from './raw-sql';
import { scoped, scopedRow } from './tenant-scope';

export interface ChildKeys {
  givenNameKey: string;
  familyNameKey: string;
  dateOfBirth: string | null;
  postcodeKey: string | null;
}

export class ChildrenRepository {
  constructor(private readonly manager: EntityManager) {}

  findById(tenant: string, id: string): Promise<ChildEntity | null> {
    return scopedRow(this.manager, ChildEntity, 'ch', tenant, { where: 'ch.id = $2', parameters: [id] });
  }

  findByIds(tenant: string, ids: string[]): Promise<ChildEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return scoped(this.manager, ChildEntity, 'ch', tenant).andWhere('ch.id IN (:...ids)', { ids }).getMany();
  }

  findByNhsNumber(tenant: string, nhsNumber: string): Promise<ChildEntity | null> {
    return scopedRow(this.manager, ChildEntity, 'ch', tenant, { where: 'ch.nhs_number = $2', parameters: [nhsNumber] });
  }

  /** Name, date of birth and postcode all equal (after normalising), oldest record first. */
  findByNameBirthAndPostcode(tenant: string, keys: ChildKeys): Promise<ChildEntity | null> {
    if (!keys.dateOfBirth || !keys.postcodeKey) return Promise.resolve(null);
    return scopedRow(this.manager, ChildEntity, 'ch', tenant, {
      where: 'ch.family_name_key = $2 AND ch.given_name_key = $3 AND ch.date_of_birth = $4 AND ch.postcode_key = $5',
      parameters: [keys.familyNameKey, keys.givenNameKey, keys.dateOfBirth, keys.postcodeKey],
      orderBy: ['ch.created_at', 'ch.id'],
    });
  }

  async insert(child: ChildEntity): Promise<void> {
    await insertEntities(this.manager, ChildEntity, [child]);
  }

  async update(tenant: string, id: string, changes: Partial<ChildEntity>): Promise<void> {
    await this.manager.update(ChildEntity, { tenant, id }, changes);
  }
}
