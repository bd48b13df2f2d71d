import { HttpStatus } from '@nestjs/common';
import { FrontDoorErrorCode, FieldProblem } from '@frontdoor/engine';

/** The error shape of docs/api.md: `{ statusCode, error, message, details?, allowedEvents? }`. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldProblem[];
  allowedEvents?: string[];
}

export const STATUS_OF: Record<FrontDoorErrorCode, HttpStatus> = {
  invalid_input: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  event_not_accepted: HttpStatus.CONFLICT,
  version_conflict: HttpStatus.CONFLICT,
  idempotency_key_reused: HttpStatus.CONFLICT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function errorBody(statusCode: number, message: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  return { statusCode, error: REASON[statusCode] ?? 'Error', message, ...extra };
}
