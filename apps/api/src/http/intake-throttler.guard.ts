import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '@frontdoor/auth';
import type { Response } from 'express';
import { errorBody } from './error-body';

/**
 * The intake rate limit, one budget per person: keyed by the token's tenant and subject, not the
 * client's address (a whole school or police station may share one). A refusal says, in plain
 * words and a standard Retry-After header, when to try again.
 */
@Injectable()
export class IntakeThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const actor = (request as unknown as AuthenticatedRequest).actor;
    return actor ? `${actor.tenant}\u0000${actor.sub}` : super.getTracker(request);
  }

  protected override async throwThrottlingException(context: ExecutionContext, limit: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(limit.timeToBlockExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new HttpException(
      errorBody(
        HttpStatus.TOO_MANY_REQUESTS,
        `You have sent ${limit.limit} contacts in the last minute, the most Front Door takes from one person. Try again in ${seconds} seconds; nothing was sent.`,
      ),
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
