import type { ArgumentsHost } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { ErrorFilter } from './error.filter';

/** What the filter answers for `error`: status and body, as a client would see them. */
function answerTo(error: unknown): { status: number; body: { statusCode: number; message: string } } {
  const answer = { status: 0, body: { statusCode: 0, message: '' } };
  const response = {
    status(code: number) {
      answer.status = code;
      return response;
    },
    json(body: { statusCode: number; message: string }) {
      answer.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ErrorFilter().catch(error, host);
  return answer;
}

describe('ErrorFilter: the database going away', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => jest.restoreAllMocks());

  it.each([
    ['nothing listening', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['the server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['the server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['the connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['no connection free in time', new Error('timeout exceeded when trying to connect')],
    ['the connection cut mid-transaction, before COMMIT', new QueryRunnerAlreadyReleasedError()],
    ['the connection cut mid-transaction, between statements', new QueryRunnerProviderAlreadyReleasedError()],
    ['a deadlock that outlasted the retries', Object.assign(new Error('deadlock detected'), { code: '40P01' })],
  ])('answers 503 for %s, saying how to try again safely', (_, error) => {
    const { status, body } = answerTo(error);
    expect(status).toBe(503);
    expect(body.message).toMatch(/cannot reach its database just now\. Try again shortly: .*Idempotency-Key.*If-Match/);
  });

  it('logs an outage in one line, but a lost or exhausted connection (which a bug can cause) in full', () => {
    const warn = jest.mocked(Logger.prototype.warn);
    const error = jest.mocked(Logger.prototype.error);
    warn.mockClear();
    error.mockClear();
    answerTo(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect([warn.mock.calls.length, error.mock.calls.length]).toEqual([1, 0]);
    const released = new QueryRunnerAlreadyReleasedError();
    answerTo(released);
    expect(error).toHaveBeenCalledWith(released);
  });

  it('answers anything unexpected with a plain 500 and no detail', () => {
    const { status, body } = answerTo(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(status).toBe(500);
    expect(body.message).not.toMatch(/undefined|reading/);
  });
});
