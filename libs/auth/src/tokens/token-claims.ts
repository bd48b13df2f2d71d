import type { JWTPayload } from 'jose';
import { type Actor, isRole, type Role } from '../actor';
import { InvalidTokenError } from './token-errors';

/**
 * Turns a verified payload into an Actor, refusing anything Front Door could not act on safely.
 * Signature, `exp`, `nbf`, issuer and audience are jose's job; this is about what the claims say.
 */
export function actorFromClaims(payload: JWTPayload): Actor {
  const sub = requiredText(payload.sub, 'sub');
  const tenant = requiredText(payload.tenant, 'tenant');
  const name = optionalText(payload.name, 'name') ?? sub;
  const roles = knownRoles(payload.roles);
  const agency = optionalText(payload.agency, 'agency');
  if (roles.includes('partner') && agency === null) {
    throw new InvalidTokenError('token claim "agency" is required for the partner role');
  }
  return {
    sub,
    name,
    roles,
    tenant,
    agency,
    email: optionalText(payload.email, 'email'),
    sourceCode: optionalText(payload.sourceCode, 'sourceCode'),
  };
}

function requiredText(value: unknown, claim: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidTokenError(`token claim "${claim}" must be a non-empty string`);
  }
  return value;
}

/** Absent, null or blank reads as not given; any other non-string is refused rather than guessed at. */
function optionalText(value: unknown, claim: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InvalidTokenError(`token claim "${claim}" must be a string`);
  return value.trim() === '' ? null : value;
}

/**
 * An identity provider may hand out roles of other systems too; those are ignored. A token that
 * leaves no role Front Door knows grants nothing, so it is refused outright.
 */
function knownRoles(value: unknown): Role[] {
  if (!Array.isArray(value)) throw new InvalidTokenError('token claim "roles" must be an array');
  const roles = [...new Set(value.filter(isRole))];
  if (roles.length === 0) throw new InvalidTokenError('token carries no Front Door role');
  return roles;
}
