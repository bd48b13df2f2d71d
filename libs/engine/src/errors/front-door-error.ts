/**
 * Errors a use case raises for a person to read. Each carries a code; one filter in the api
 * maps the code to an HTTP status (docs/architecture.md §1: errors carry a code and a plain message).
 */
export type FrontDoorErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'forbidden'
  | 'event_not_accepted'
  | 'version_conflict'
  | 'idempotency_key_reused'
  | 'unavailable';

export interface FieldProblem {
  field: string;
  message: string;
}

export class FrontDoorError extends Error {
  constructor(
    readonly code: FrontDoorErrorCode,
    message: string,
    readonly details?: FieldProblem[],
    readonly allowedEvents?: string[],
  ) {
    super(message);
    this.name = 'FrontDoorError';
  }

  static invalid(details: FieldProblem[]): FrontDoorError {
    return new FrontDoorError('invalid_input', 'The request has invalid fields; nothing was changed.', details);
  }

  /** Not found, or not yours: another tenant's or another referrer's record is never revealed. */
  static notFound(what: string): FrontDoorError {
    return new FrontDoorError('not_found', `${what} was not found.`);
  }

  static forbidden(message: string): FrontDoorError {
    return new FrontDoorError('forbidden', message);
  }
}
