import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '../actor';
import type { AuthenticatedRequest } from './authenticated-request';

/** The verified Actor of this request: `handle(@CurrentActor() actor: Actor)`. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  // Only reachable on a @Public() route, where there is no one to name: a programming error.
  if (!actor) throw new Error('@CurrentActor() used on a route AuthGuard did not authenticate');
  return actor;
});
