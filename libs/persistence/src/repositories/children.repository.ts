import { EntityManager } from 'typeorm';
import { ChildEntity } from '../entities/child.entity';
import { scoped } from './tenant-scope';

export interface ChildKeys {
  givenNameKey: string;
  familyNameKey: string;
  dateOfBirth: string | null;
  postcodeKey: string | null;
}

export class ChildrenRepository {
  constructor(private readonly manager: EntityManager) {}

  findById(tenant: string, id: string): Promise<ChildEntity | null> {
    return scoped(this.manager, ChildEntity, 'ch', tenant).andWhere('ch.id = :id', { id }).getOne();
  }

  findByIds(tenant: string, ids: string[]): Promise<ChildEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return scoped(this.manager, ChildEntity, 'ch', tenant).andWhere('ch.id IN (:...ids)', { ids }).getMany();
  }

  findByNhsNumber(tenant: string, nhsNumber: string): Promise<ChildEntity | null> {
    return scoped(this.manager, ChildEntity, 'ch', tenant).andWhere('ch.nhs_number = :nhsNumber', { nhsNumber }).getOne();
  }

  /** Name, date of birth and postcode all equal (after normalising), oldest record first. */
  findByNameBirthAndPostcode(tenant: string, keys: ChildKeys): Promise<ChildEntity | null> {
    if (!keys.dateOfBirth || !keys.postcodeKey) return Promise.resolve(null);
    return scoped(this.manager, ChildEntity, 'ch', tenant)
      .andWhere('ch.family_name_key = :familyNameKey', keys)
      .andWhere('ch.given_name_key = :givenNameKey', keys)
      .andWhere('ch.date_of_birth = :dateOfBirth', keys)
      .andWhere('ch.postcode_key = :postcodeKey', keys)
      .orderBy('ch.created_at', 'ASC')
      .getOne();
  }

  async insert(child: ChildEntity): Promise<void> {
    await this.manager.insert(ChildEntity, child);
  }

  async update(tenant: string, id: string, changes: Partial<ChildEntity>): Promise<void> {
    await this.manager.update(ChildEntity, { tenant, id }, changes);
  }
}
