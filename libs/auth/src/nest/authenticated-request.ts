import type { Actor } from '../actor';

/** The request after AuthGuard: `actor` is set on every route that is not @Public(). */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}
