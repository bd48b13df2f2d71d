/**
 * Why a token was refused. Messages are written for the person holding the token and never
 * contain the token, a claim value or a secret.
 */
export class InvalidTokenError extends Error {
  readonly code = 'INVALID_TOKEN';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/**
 * The identity provider's signing keys could not be fetched, so no token can be checked just
 * now. Not the caller's fault: a 503, not a 401 (a 401 would send every client back to sign in).
 */
export class TokenVerificationUnavailableError extends Error {
  readonly code = 'TOKEN_VERIFICATION_UNAVAILABLE';

  constructor(message = 'token signing keys are unavailable; try again shortly') {
    super(message);
    this.name = 'TokenVerificationUnavailableError';
  }
}
