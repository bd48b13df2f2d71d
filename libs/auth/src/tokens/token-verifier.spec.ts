import { SettableClock } from '@frontdoor/config';
import { base64url, type JWTPayload, SignJWT } from 'jose';
import { InvalidTokenError } from './token-errors';
import { signDevelopmentToken, TokenVerifier } from './token-verifier';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const verifier = new TokenVerifier({ mode: 'hs256', secret: SECRET, usingDevelopmentSecret: false, maxTokenLifetimeSeconds: 12 * 3600 });

const practitioner = { sub: 'alice', roles: ['practitioner' as const], tenant: '865' };

/** Signs any payload, however wrong, the way a careless or hostile issuer might. */
function signRaw(payload: JWTPayload, { secret = SECRET, alg = 'HS256', expiresIn = '1h' } = {}): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg })
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

async function refusal(token: string, by: TokenVerifier = verifier): Promise<InvalidTokenError> {
  const error = await by.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  const message = (error as InvalidTokenError).message;
  expect(message).not.toContain(SECRET);
  if (token !== '') expect(message).not.toContain(token);
  return error as InvalidTokenError;
}

describe('TokenVerifier with an HS256 secret', () => {
  it('accepts a good token and says who it belongs to', async () => {
    const token = await signDevelopmentToken(SECRET, {
      ...practitioner,
      name: 'Alice Jones',
      email: 'alice@example.org',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'alice',
      name: 'Alice Jones',
      roles: ['practitioner'],
      tenant: '865',
      agency: null,
      email: 'alice@example.org',
      sourceCode: null,
    });
  });

  it('names the person by their subject when the token gives no name', async () => {
    const actor = await verifier.verify(await signDevelopmentToken(SECRET, practitioner));
    expect(actor.name).toBe('alice');
  });

  it("carries a referrer's default referral source", async () => {
    const token = await signDevelopmentToken(SECRET, { sub: 'sam', roles: ['referrer'], tenant: '865', sourceCode: '5B' });
    expect((await verifier.verify(token)).sourceCode).toBe('5B');
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signDevelopmentToken('another-secret-of-a-similar-length-xx', practitioner);
    expect((await refusal(token)).message).toBe('token signature invalid');
  });

  it('refuses an expired token', async () => {
    const token = await signDevelopmentToken(SECRET, practitioner, '-1h');
    expect((await refusal(token)).message).toBe('token expired');
  });

  it('reads the time from the clock it is given', async () => {
    const clock = new SettableClock(new Date());
    const clocked = new TokenVerifier({ mode: 'hs256', secret: SECRET, usingDevelopmentSecret: false, maxTokenLifetimeSeconds: 12 * 3600 }, clock);
    const token = await signDevelopmentToken(SECRET, practitioner, '1h');
    await expect(clocked.verify(token)).resolves.toMatchObject({ sub: 'alice' });
    clock.advance(2 * 60 * 60 * 1000);
    expect((await refusal(token, clocked)).message).toBe('token expired');
  });

  it('refuses a token whose life is longer than the cap (exp − iat over 12 hours)', async () => {
    await expect(verifier.verify(await signDevelopmentToken(SECRET, practitioner, '12h'))).resolves.toMatchObject({ sub: 'alice' });
    const token = await signDevelopmentToken(SECRET, practitioner, '13h');
    expect((await refusal(token)).message).toBe('token lifetime too long');
  });

  it('refuses a token issued in the future, which would stretch the cap', async () => {
    const later = new Date(Date.now() + 10 * 60 * 1000);
    const token = await new SignJWT({ ...practitioner })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(later)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect((await refusal(token)).message).toBe('token issued in the future');
  });

  it('refuses a token with no issue time', async () => {
    const token = await new SignJWT({ ...practitioner })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect((await refusal(token)).message).toBe('token has no issue time');
  });

  it('refuses a token that never expires', async () => {
    const token = await new SignJWT({ ...practitioner })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET));
    expect((await refusal(token)).message).toBe('token has no expiry');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const encode = (value: object) => base64url.encode(JSON.stringify(value));
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...practitioner, exp })}.`;
    await refusal(token);
  });

  it('refuses another HMAC algorithm than HS256, even with the right secret', async () => {
    const token = await signRaw({ ...practitioner }, { alg: 'HS512' });
    expect((await refusal(token)).message).toBe('token algorithm not accepted');
  });

  it('refuses something that is not a token at all', async () => {
    expect((await refusal('not-a-jwt')).message).toBe('token malformed');
    expect((await refusal('')).message).toBe('token missing');
  });

  it('refuses a token without a tenant', async () => {
    const token = await signRaw({ sub: 'alice', roles: ['practitioner'] });
    expect((await refusal(token)).message).toBe('token claim "tenant" must be a non-empty string');
  });

  it('refuses a token without a subject', async () => {
    const token = await signRaw({ roles: ['practitioner'], tenant: '865' });
    expect((await refusal(token)).message).toBe('token claim "sub" must be a non-empty string');
  });

  it('refuses a token whose roles are all unknown to Front Door', async () => {
    const token = await signRaw({ ...practitioner, roles: ['superuser', 'billing'] });
    expect((await refusal(token)).message).toBe('token carries no Front Door role');
  });

  it('refuses a token whose roles are not a list', async () => {
    const token = await signRaw({ ...practitioner, roles: 'manager' });
    expect((await refusal(token)).message).toBe('token claim "roles" must be an array');
  });

  it('ignores unknown roles beside known ones', async () => {
    const token = await signRaw({ ...practitioner, roles: ['billing', 'manager', 'manager', 42] });
    expect((await verifier.verify(token)).roles).toEqual(['manager']);
  });

  it('refuses a partner token without an agency', async () => {
    const token = await signRaw({ sub: 'pc-1', roles: ['partner'], tenant: '865' });
    expect((await refusal(token)).message).toBe('token claim "agency" is required for the partner role');
  });

  it('accepts a partner token with an agency', async () => {
    const token = await signDevelopmentToken(SECRET, { sub: 'pc-1', roles: ['partner'], tenant: '865', agency: 'police' });
    expect(await verifier.verify(token)).toMatchObject({ roles: ['partner'], agency: 'police' });
  });

  it('refuses a claim of the wrong type rather than guessing', async () => {
    const token = await signRaw({ ...practitioner, email: ['a@example.org'] });
    expect((await refusal(token)).message).toBe('token claim "email" must be a string');
  });
});
