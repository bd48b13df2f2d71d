import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './error-body';

/** A string PostgreSQL can store: no U+0000, and no lone UTF-16 surrogate (not well-formed Unicode). */
const storable = (text: string): boolean => !text.includes('\u0000') && text.isWellFormed();

/** Where in a parsed body or query a string (or a key) PostgreSQL could not store. */
function nulFields(value: unknown, path: string, found: string[]): string[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    if (!storable(value)) found.push(path || 'body');
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulFields(item, path ? `${path}.${i}` : String(i), found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (!storable(key)) found.push(field);
      else nulFields(item, field, found);
    }
  }
  return found;
}

/**
 * A NUL character or a lone surrogate is never meaningful in anything a person writes, and
 * PostgreSQL refuses both: answer 400 naming the fields, before anything reaches a use case.
 */
export function refuseUnstorableText(request: Request, response: Response, next: NextFunction): void {
  const fields = [...nulFields(request.body, '', []), ...nulFields(request.query, '', [])];
  if (fields.length === 0) return next();
  response.status(400).json(
    errorBody(400, 'The request has invalid fields; nothing was changed.', {
      details: fields.map((field) => ({ field, message: 'must be valid Unicode text without NUL characters' })),
    }),
  );
}
