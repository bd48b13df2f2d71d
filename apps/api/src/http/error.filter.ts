import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FrontDoorError } from '@frontdoor/engine';
import { ReportingInputError } from '@frontdoor/reporting';
import type { Response } from 'express';
import { errorBody, ErrorBody, STATUS_OF } from './error-body';

/** PostgreSQL and driver errors that mean "the database is not there right now". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

/**
 * TypeORM's names for a transaction whose connection died under it (PostgreSQL restarting): the
 * query runner was released before COMMIT was sent, so the server rolled the transaction back.
 */
const CONNECTION_LOST_MID_TRANSACTION = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  const message = (error as Error | null)?.message ?? '';
  return (
    (code !== undefined && UNAVAILABLE_CODES.has(code)) ||
    CONNECTION_LOST_MID_TRANSACTION.has((error as Error | null)?.name ?? '') ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable/i.test(message)
  );
}

/**
 * The one place errors become HTTP (STYLE: errors carry a code; one filter maps them). A client
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
    if (body.statusCode === 503) this.logger.warn(`answered 503: ${(error as Error | null)?.message ?? error}`);
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
    if (isDatabaseUnavailable(error)) {
      return errorBody(503, 'Front Door cannot reach its database just now; nothing was changed. Try again shortly.');
    }
    return errorBody(500, 'Something went wrong inside Front Door; it has been logged. Nothing you sent caused it.');
  }
}
