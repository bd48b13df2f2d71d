import type { Database } from '@frontdoor/persistence';

/** Who is reading: the fields of a signed-in person the log keeps (an Actor has them). */
export interface Reader {
  sub: string;
  roles: readonly string[];
  tenant: string;
}

/**
 * An export or report that lists children row by row is a read of each child's record: one log
 * entry per child (so "who has seen this child" finds it), each saying what was produced and how
 * many children it held. One that held none is still logged, with no subject.
 */
export async function recordChildLevelRead(
  db: Database,
  reader: Reader,
  action: string,
  childIds: Iterable<string>,
  detail: Record<string, unknown>,
  at: Date,
): Promise<void> {
  const children = [...new Set(childIds)];
  const common = { tenant: reader.tenant, actorSub: reader.sub, actorRoles: [...reader.roles], action, at, detail: { ...detail, children: children.length } };
  await db.read.accessLog.recordMany(
    children.length > 0
      ? children.map((subjectId) => ({ ...common, subjectType: 'child' as const, subjectId }))
      : [{ ...common, subjectType: 'export' as const, subjectId: null }],
  );
}
