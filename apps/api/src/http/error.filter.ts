import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FrontDoorError } from '@frontdoor/engine';
import { ReportingInputError } from '@frontdoor/reporting';
import type { Response } from 'express';
import { errorBody, ErrorBody, STATUS_OF } from './error-body';

/** PostgreSQL and driver errors that mean "the database is not there right now". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

/**
 * Errors that also mean the database went away under a request, but which a bug could cause too
 * (a transaction's stores used after it ended, a leaked connection exhausting the pool): answered
 * 503 like an outage, but logged in full so a bug is not mistaken for one.
 */
const CONNECTION_LOST_OR_EXHAUSTED = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);
const LOST_OR_EXHAUSTED_MESSAGE = /timeout exceeded when trying to connect|Client was closed and is not queryable/i;
/** A deadlock or serialization failure that outlasted the engine's own retries: nothing was written; try again. */
const TRY_AGAIN_CODES = new Set(['40P01', '40001']);

function isDatabaseUnreachable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  const message = (error as Error | null)?.message ?? '';
  return (code !== undefined && UNAVAILABLE_CODES.has(code)) || /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}

function isConnectionLostOrExhausted(error: unknown): boolean {
  return (
    CONNECTION_LOST_OR_EXHAUSTED.has((error as Error | null)?.name ?? '') ||
    LOST_OR_EXHAUSTED_MESSAGE.test((error as Error | null)?.message ?? '') ||
    TRY_AGAIN_CODES.has((error as { code?: string } | null)?.code ?? '')
  );
}

/** A connection cut at COMMIT leaves it unknown whether the step was saved: the answer says how to retry safely. */
const DATABASE_UNAVAILABLE =
  'Front Door cannot reach its database just now. Try again shortly: a contact sent again with the same ' +
  'Idempotency-Key, or an event sent with If-Match, is never taken twice.';

/**
 * The one place errors become HTTP (docs/architecture.md §1: errors carry a code; one filter maps them). A client
 * never sees a stack trace, and nothing a client sends can produce a 500: an unexpected error is
 * logged in full here and answered with a plain message.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(error);
    // An outage is one cause behind many answers (readiness shows it): one line each, not a stack.
    if (body.statusCode === 503 && isDatabaseUnreachable(error)) this.logger.warn(`answered 503: ${(error as Error | null)?.message ?? error}`);
    else if (body.statusCode >= 500) this.logger.error(error);
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ErrorBody {
    if (error instanceof FrontDoorError) {
      return errorBody(STATUS_OF[error.code], error.message, {
        ...(error.details ? { details: error.details } : {}),
        ...(error.allowedEvents ? { allowedEvents: error.allowedEvents } : {}),
      });
    }
    if (error instanceof ReportingInputError) {
      return errorBody(400, 'The request has invalid fields; nothing was produced.', { details: error.details });
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      if (typeof response === 'object' && response !== null && typeof (response as ErrorBody).statusCode === 'number') {
        return response as ErrorBody;
      }
      // A readiness check that failed (Terminus): say which dependency is down, in our error shape.
      if (typeof response === 'object' && response !== null && (response as { status?: string }).status === 'error') {
        const down = Object.keys((response as { error?: Record<string, unknown> }).error ?? {});
        return { ...errorBody(status, `Front Door is not ready: ${down.join(', ') || 'a dependency'} is down.`), checks: (response as { details?: unknown }).details } as ErrorBody;
      }
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? ((response as { message: string[] }).message).join('; ')
            : ((response as { message?: string }).message ?? error.message);
      return errorBody(status, message);
    }
    // Body-parser errors carry their own status (malformed JSON 400, too large 413).
    const status = (error as { status?: number; statusCode?: number } | null)?.status;
    const type = (error as { type?: string } | null)?.type;
    if (type === 'entity.too.large') return errorBody(413, 'The request body is too large.');
    if (type === 'entity.parse.failed') return errorBody(400, 'The request body is not valid JSON.');
    if (status && status >= 400 && status < 500) return errorBody(status, 'The request could not be read.');
    if (isDatabaseUnreachable(error) || isConnectionLostOrExhausted(error)) return errorBody(503, DATABASE_UNAVAILABLE);
    return errorBody(500, 'Something went wrong inside Front Door; it has been logged. Nothing you sent caused it.');
  }
}
