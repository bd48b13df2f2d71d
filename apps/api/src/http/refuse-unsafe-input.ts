import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './error-body';

/** Deeper than any body Front Door takes (a contact is 4 levels); a bound keeps every walk cheap. */
export const MAX_DEPTH = 32;
/** Longer than any list Front Door takes (20 children); longer ones are refused before their items are read. */
export const MAX_ARRAY_ITEMS = 100;
/** Problems named in one answer; the message says how many more there were. */
const MAX_PROBLEMS = 20;
/** Keys that mean an object's prototype, never a field: refused like any unknown field, not silently dropped. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A string PostgreSQL can store: no U+0000, and no lone UTF-16 surrogate (not well-formed Unicode). */
const storable = (text: string): boolean => !text.includes('\u0000') && text.isWellFormed();

interface Problem {
  field: string;
  message: string;
}

/**
 * Every problem in a parsed body or query that no route could want, found without recursion
 * (a body nested thousands deep must not overflow the stack) and without reading past a bound.
 */
export function unsafeInputProblems(value: unknown, root: string): Problem[] {
  const problems: Problem[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value: item, path, depth } = pending.pop()!;
    const field = path || root;
    if (typeof item === 'string') {
      if (!storable(item)) problems.push({ field, message: 'must be valid Unicode text without NUL characters' });
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      problems.push({ field, message: `is nested too deeply (at most ${MAX_DEPTH} levels)` });
      continue;
    }
    if (Array.isArray(item)) {
      if (item.length > MAX_ARRAY_ITEMS) {
        problems.push({ field, message: `has ${item.length} items; at most ${MAX_ARRAY_ITEMS} are accepted` });
        continue;
      }
      for (let i = item.length - 1; i >= 0; i--) pending.push({ value: item[i], path: path ? `${path}.${i}` : String(i), depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(item);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const childField = path ? `${path}.${key}` : key;
      if (!storable(key)) problems.push({ field: childField, message: 'must be valid Unicode text without NUL characters' });
      else if (PROTOTYPE_KEYS.has(key)) problems.push({ field: childField, message: 'is not allowed' });
      else pending.push({ value: child, path: childField, depth: depth + 1 });
    }
  }
  return problems;
}

/** The problems to name in one answer, and the message saying how many were left out. */
export function namedProblems<T>(problems: T[], message: string): { message: string; details: T[] } {
  if (problems.length <= MAX_PROBLEMS) return { message, details: problems };
  const omitted = problems.length - MAX_PROBLEMS;
  return { message: `${message} The first ${MAX_PROBLEMS} problems are listed; ${omitted} more were omitted.`, details: problems.slice(0, MAX_PROBLEMS) };
}

/**
 * Before any route or validator sees it: text PostgreSQL cannot store (a NUL, a lone surrogate),
 * prototype keys, bodies nested too deep and lists too long are answered 400 naming the fields,
 * on every path, known or not, before authentication.
 */
export function refuseUnsafeInput(request: Request, response: Response, next: NextFunction): void {
  const problems = [...unsafeInputProblems(request.body, 'body'), ...unsafeInputProblems(request.query, 'query')];
  if (problems.length === 0) return next();
  const { message, details } = namedProblems(problems, 'The request has invalid fields; nothing was changed.');
  response.status(400).json(errorBody(400, message, { details }));
}
