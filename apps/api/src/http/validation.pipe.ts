import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from '@frontdoor/engine';
import { errorBody } from './error-body';
import { namedProblems } from './refuse-unsafe-input';

/** Every invalid field named by its path (`children.0.nhsNumber`), never just the first. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? 'is not allowed' : message.replace(new RegExp(`^${error.property} `), ''),
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const { message, details } = namedProblems(fieldProblems(errors), 'The request has invalid fields; nothing was changed.');
      return new BadRequestException(errorBody(400, message, { details }));
    },
  });
}
