import { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { hydrate } from './raw-sql';

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
  requireTenant(tenant);
  return manager.getRepository(entity).createQueryBuilder(alias).where(`${alias}.tenant = :tenant`, { tenant });
}

/**
 * The same scope for the hot reads written as SQL (TypeORM's query builder costs more CPU than
 * the read itself): `SELECT * FROM <table> <alias> WHERE <alias>.tenant = $1 AND <condition>`,
 * its parameters from $2, each row made an entity as TypeORM would.
 */
export async function scopedRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
  tenant: string,
  condition: { where: string; parameters: unknown[]; orderBy?: readonly string[] },
): Promise<T[]> {
  requireTenant(tenant);
  const table = manager.connection.getMetadata(entity).tableName;
  const order = condition.orderBy ? ` ORDER BY ${condition.orderBy.join(', ')}` : '';
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT * FROM "${table}" ${alias} WHERE ${alias}.tenant = $1 AND (${condition.where})${order}`,
    [tenant, ...condition.parameters],
  );
  return hydrate(manager, entity, rows);
}

/** The first of `scopedRows`, or null. */
export async function scopedRow<T extends ObjectLiteral>(...args: Parameters<typeof scopedRows<T>>): Promise<T | null> {
  return (await scopedRows(...args))[0] ?? null;
}

function requireTenant(tenant: string): void {
  if (!tenant) throw new Error('a tenant is required for every case-data query');
}
