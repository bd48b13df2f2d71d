import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** For the few statements written as SQL rather than built by TypeORM (one round trip where it would take several). */

/**
 * A jsonb parameter. node-postgres sends a JS array as a PostgreSQL array and a string as text,
 * so every jsonb value goes as its JSON text (as TypeORM sends it), `null` as SQL NULL.
 */
export function jsonb(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** The rows a statement returned: TypeORM answers an UPDATE or DELETE with [rows, affected], anything else with rows. */
export function returnedRows<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

/**
 * Entities from rows a raw statement returned, each value converted as TypeORM converts what
 * it reads. `prefix` is what the statement put before each column's name (`d_` for `d.kind AS d_kind`).
 */
export function hydrate<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Record<string, unknown>[], prefix = ''): T[] {
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  return rows.map((row) => {
    const hydrated = metadata.create() as T;
    for (const column of metadata.columns) {
      column.setEntityValue(hydrated, driver.prepareHydratedValue(row[prefix + column.databaseName], column));
    }
    return hydrated;
  });
}
