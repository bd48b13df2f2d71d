import { Clock, type Environment, SystemClock } from '@frontdoor/config';
import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import type { Actor, Role } from '../actor';
import { actorFromClaims } from './token-claims';
import { InvalidTokenError, TokenVerificationUnavailableError } from './token-errors';

export type AuthSettings = Environment['auth'];

/** A shared secret can only ever mean HMAC; pinning it stops a token choosing its own algorithm. */
const SECRET_ALGORITHMS = ['HS256'];
/** An identity provider signs with a private key. Never 'none', never HS* (an HS* token "signed" with the public key is the classic confusion attack). */
const PUBLIC_KEY_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** Servers' clocks drift; half a minute is the usual allowance for `exp` and `nbf`. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** Far above any real token; stops a huge header costing a parse. */
const MAX_TOKEN_LENGTH = 8192;
const JWKS_TIMEOUT_MS = 5000;

type VerifyPayload = (token: string, now: Date) => Promise<JWTPayload>;

/** Checks a bearer token and says who it belongs to. Knows nothing of HTTP or Nest. */
export class TokenVerifier {
  private readonly verifyPayload: VerifyPayload;
  private readonly maxLifetimeSeconds: number;

  constructor(auth: AuthSettings, private readonly clock: Clock = new SystemClock()) {
    // A token without `exp` would be good for ever; every token Front Door accepts must expire.
    const common = { clockTolerance: CLOCK_TOLERANCE_SECONDS, requiredClaims: ['exp'] };
    this.maxLifetimeSeconds = auth.maxTokenLifetimeSeconds;
    if (auth.mode === 'unconfigured') {
      this.verifyPayload = () => Promise.reject(new InvalidTokenError('token verification is not configured'));
    } else if (auth.mode === 'hs256') {
      const key = new TextEncoder().encode(auth.secret);
      this.verifyPayload = async (token, now) =>
        (await jwtVerify(token, key, { ...common, algorithms: SECRET_ALGORITHMS, currentDate: now })).payload;
    } else {
      const keys = signingKeysFrom(auth.jwksUrl);
      const options = { ...common, algorithms: PUBLIC_KEY_ALGORITHMS, issuer: auth.issuer, audience: auth.audience };
      this.verifyPayload = async (token, now) => (await jwtVerify(token, keys, { ...options, currentDate: now })).payload;
    }
  }

  /**
   * The Actor a token speaks for. Throws InvalidTokenError when the token is not one Front Door
   * accepts, TokenVerificationUnavailableError when the identity provider's keys cannot be reached.
   */
  async verify(token: string): Promise<Actor> {
    if (typeof token !== 'string' || token.length === 0) throw new InvalidTokenError('token missing');
    if (token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError('token too long');
    const now = this.clock.now();
    const known = this.verified.get(token);
    if (known && known.expiresAt > now.getTime()) return known.actor;
    let payload: JWTPayload;
    try {
      payload = await this.verifyPayload(token, now);
    } catch (error) {
      this.verified.delete(token);
      throw refusal(error);
    }
    refuseUnboundedLifetime(payload, now, this.maxLifetimeSeconds);
    const actor = actorFromClaims(payload);
    this.remember(token, actor, (payload.exp ?? 0) * 1000);
    return actor;
  }

  /**
   * A token already verified is not verified again until it expires: a worker sends many
   * requests with one token, and checking its signature each time was ~5% of the api's CPU.
   * Bounded, oldest first out; a refused token is never kept.
   */
  private readonly verified = new Map<string, { actor: Actor; expiresAt: number }>();

  private remember(token: string, actor: Actor, expiresAt: number): void {
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { actor, expiresAt });
  }
}

const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * A stolen token is good until it expires, so its life is capped (`exp` − `iat`, configurable
 * with AUTH_MAX_TOKEN_LIFETIME_HOURS), and a token said to be issued in the future is refused:
 * it would stretch that cap.
 */
function refuseUnboundedLifetime(payload: JWTPayload, now: Date, maxLifetimeSeconds: number): void {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new InvalidTokenError('token has no issue time');
  if (iat > now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS) throw new InvalidTokenError('token issued in the future');
  if ((exp ?? 0) - iat > maxLifetimeSeconds) throw new InvalidTokenError('token lifetime too long');
}

/**
 * The identity provider's published keys (fetched, cached and refreshed by jose). Failing to
 * fetch them is told apart from a token naming a key that is not there.
 */
function signingKeysFrom(jwksUrl: string): JWTVerifyGetKey {
  const jwks = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: JWKS_TIMEOUT_MS });
  return async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      if (TOKEN_KEY_PROBLEMS.has(codeOf(error) ?? '')) throw error;
      throw new TokenVerificationUnavailableError();
    }
  };
}

const TOKEN_KEY_PROBLEMS = new Set(['ERR_JWKS_NO_MATCHING_KEY', 'ERR_JWKS_MULTIPLE_MATCHING_KEYS', 'ERR_JOSE_NOT_SUPPORTED']);

/** jose's errors in plain words. Never the token, a claim's value or a key. */
function refusal(error: unknown): Error {
  if (error instanceof TokenVerificationUnavailableError) return error;
  switch (codeOf(error)) {
    case 'ERR_JWT_EXPIRED':
      return new InvalidTokenError('token expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return new InvalidTokenError(claimRefusal((error as { claim?: unknown }).claim));
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new InvalidTokenError('token signature invalid');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return new InvalidTokenError('token algorithm not accepted');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return new InvalidTokenError('token signing key not recognised');
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return new InvalidTokenError('token malformed');
    default:
      return new InvalidTokenError('token invalid');
  }
}

function claimRefusal(claim: unknown): string {
  switch (claim) {
    case 'iss':
      return 'token issuer not accepted';
    case 'aud':
      return 'token audience not accepted';
    case 'nbf':
      return 'token not yet valid';
    case 'exp':
      return 'token has no expiry';
    case 'iat':
      return 'token issue time invalid';
    default:
      return 'token claims invalid';
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** What a development or test token says about its holder (`sub` and `exp` are set apart). */
export interface DevelopmentTokenClaims {
  sub: string;
  roles: Role[];
  tenant: string;
  name?: string;
  agency?: string | null;
  email?: string | null;
  sourceCode?: string | null;
}

/**
 * Signs an HS256 token the verifier accepts when it runs on the same secret. For tests and
 * `npm run token`; production tokens come from the identity provider. `expiresIn` is a jose
 * time span: '8h', '15m', '2 days' (negative, '-1h', makes an already expired token for tests).
 */
export async function signDevelopmentToken(
  secret: string,
  claims: DevelopmentTokenClaims,
  expiresIn: string = '8h',
  /** Tests whose clock is not the machine's sign on their own clock. */
  issuedAt: Date = new Date(),
): Promise<string> {
  const { sub, ...rest } = claims;
  const payload = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined && value !== null));
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
