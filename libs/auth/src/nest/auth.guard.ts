import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '../actor';
import { describePermission, isAllowed, type Permission } from '../policy/policy-table';
import { InvalidTokenError, TokenVerificationUnavailableError } from '../tokens/token-errors';
import { TokenVerifier } from '../tokens/token-verifier';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './auth-metadata';
import type { AuthenticatedRequest } from './authenticated-request';

type AccessRule = { kind: 'public' } | { kind: 'requires'; permission: Permission } | { kind: 'undeclared' };

/**
 * The global guard: every route needs a valid bearer token, and then the permission its handler
 * names with @Requires(). It FAILS CLOSED: a route with neither @Public() nor @Requires() is
 * refused to everyone (403), so forgetting to declare who may use a route can never leave it open.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.accessRuleOf(context);
    if (rule.kind === 'public') return true;
    if (context.getType() !== 'http') throw new ForbiddenException('Only HTTP requests are authorised here');

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const actor = await this.authenticate(request.headers.authorization, http.getResponse());
    request.actor = actor;

    if (rule.kind === 'undeclared') {
      throw new ForbiddenException('This route declares no access rule, so it is closed to everyone');
    }
    if (!isAllowed(actor, rule.permission)) {
      throw new ForbiddenException(`Your role may not ${describePermission(rule.permission)}`);
    }
    return true;
  }

  /**
   * The nearest declaration wins: the handler's, then its controller's. On one target @Requires()
   * outranks @Public(), so a contradiction resolves to the stricter reading.
   */
  private accessRuleOf(context: ExecutionContext): AccessRule {
    for (const target of [context.getHandler(), context.getClass()]) {
      const permission = this.reflector.get<Permission | undefined>(REQUIRED_PERMISSION, target);
      if (permission !== undefined) return { kind: 'requires', permission };
      if (this.reflector.get<boolean | undefined>(PUBLIC_ROUTE, target) === true) return { kind: 'public' };
    }
    return { kind: 'undeclared' };
  }

  private async authenticate(header: string | string[] | undefined, response: unknown): Promise<Actor> {
    if (header === undefined || header === '') {
      challenge(response, 'Bearer');
      throw new UnauthorizedException('Missing bearer token: send an "Authorization: Bearer <token>" header');
    }
    const token = typeof header === 'string' ? /^Bearer +(\S+) *$/i.exec(header)?.[1] : undefined;
    if (token === undefined) {
      challenge(response, 'Bearer error="invalid_request"');
      throw new UnauthorizedException('Malformed Authorization header: expected "Bearer <token>"');
    }
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        challenge(response, 'Bearer error="invalid_token"');
        throw new UnauthorizedException(`Bearer token refused: ${error.message}`);
      }
      if (error instanceof TokenVerificationUnavailableError) {
        throw new ServiceUnavailableException('Sign-in cannot be checked just now; try again shortly');
      }
      throw error;
    }
  }
}

/** RFC 6750: a 401 says how to authenticate. Works with Express and Fastify responses alike. */
function challenge(response: unknown, value: string): void {
  const res = response as { setHeader?: (n: string, v: string) => void; header?: (n: string, v: string) => void };
  if (typeof res?.setHeader === 'function') res.setHeader('WWW-Authenticate', value);
  else if (typeof res?.header === 'function') res.header('WWW-Authenticate', value);
}
