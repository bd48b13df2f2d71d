/**
 * Errors the statutory returns raise for a person to read. Each carries a code and a plain
 * message (STYLE); the api's one error filter maps `invalid_input` to 422 and
 * `cin_census_invalid` to 422 with the problem list.
 */

/** Same shape as the api's field problems, so a controller can pass them on as they are. */
export interface ReportingFieldProblem {
  field: string;
  message: string;
}

export class ReportingInputError extends Error {
  readonly code = 'invalid_input' as const;

  constructor(readonly details: ReportingFieldProblem[]) {
    super(`The request has invalid fields: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}.`);
    this.name = 'ReportingInputError';
  }
}
