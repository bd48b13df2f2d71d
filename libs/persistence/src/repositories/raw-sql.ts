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
 * Every column of `entity`'s table as `<alias>.<column> AS <alias>_<column>`, for a statement that
 * reads it beside other rows; `hydrate(…, '<alias>_')` makes the entities again.
 */
export function prefixedColumns(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  return manager.connection
    .getMetadata(entity)
    .columns.map((column) => `${alias}.${column.databaseName} AS ${alias}_${column.databaseName}`)
    .join(', ');
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

/** PostgreSQL takes at most 65,535 parameters a statement; an insert of more rows goes in batches of this many. */
const ROWS_PER_INSERT = 1000;

/**
 * Inserts entities with TypeORM's own column names and value conversions but not its query
 * builder (which costs more CPU than the insert), in one statement up to ROWS_PER_INSERT rows.
 * A value left undefined takes the column's default (a generated id, a creation time), as with TypeORM.
 */
export async function insertEntities<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
    await insertBatch(manager, entity, rows.slice(from, from + ROWS_PER_INSERT));
  }
}

async function insertBatch<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((column) => rows.some((row) => column.getEntityValue(row) !== undefined));
  const parameters: unknown[] = [];
  const values = rows.map((row) => {
    const cells = columns.map((column) => {
      const value = column.getEntityValue(row);
      if (value === undefined) return 'DEFAULT';
      parameters.push(driver.preparePersistentValue(value, column));
      return `$${parameters.length}`;
    });
    return `(${cells.join(', ')})`;
  });
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  await manager.query(`INSERT INTO "${metadata.tableName}" (${names}) VALUES ${values.join(', ')}`, parameters);
}
