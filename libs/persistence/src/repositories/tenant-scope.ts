import { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Every read and write of case data goes through a query builder that is already scoped to
 * one tenant (one local authority). Controllers and use cases cannot forget the scope: they
 * never build an unscoped query of a case table.
 */
export function scoped<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
  tenant: string,
): SelectQueryBuilder<T> {
  if (!tenant) throw new Error('a tenant is required for every case-data query');
  return manager.getRepository(entity).createQueryBuilder(alias).where(`${alias}.tenant = :tenant`, { tenant });
}
