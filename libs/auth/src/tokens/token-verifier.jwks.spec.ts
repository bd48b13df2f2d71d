import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { InvalidTokenError, TokenVerificationUnavailableError } from './token-errors';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'https://login.example.test/front-door';
const AUDIENCE = 'front-door-api';
const claims = { sub: 'alice', name: 'Alice Jones', roles: ['manager'], tenant: '865' };

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

describe('TokenVerifier with an identity provider JWKS', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: PrivateKey;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((request, response) => {
      if (request.url !== '/.well-known/jwks.json') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    verifier = new TokenVerifier({ mode: 'jwks', jwksUrl, issuer: ISSUER, audience: AUDIENCE, maxTokenLifetimeSeconds: 12 * 3600 });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function sign(
    payload: JWTPayload,
    { issuer = ISSUER, audience = AUDIENCE, kid = 'key-1', key = privateKey as PrivateKey | Uint8Array, alg = 'RS256' } = {},
  ): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg, kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
  }

  async function refusalOf(token: string): Promise<string> {
    const error = await verifier.verify(token).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidTokenError);
    return (error as Error).message;
  }

  it('accepts a good RS256 token from the issuer', async () => {
    await expect(verifier.verify(await sign(claims))).resolves.toMatchObject({
      sub: 'alice',
      name: 'Alice Jones',
      roles: ['manager'],
      tenant: '865',
    });
  });

  it('refuses a token from another issuer', async () => {
    expect(await refusalOf(await sign(claims, { issuer: 'https://elsewhere.example.test' }))).toBe(
      'token issuer not accepted',
    );
  });

  it('refuses a token meant for another audience', async () => {
    expect(await refusalOf(await sign(claims, { audience: 'another-api' }))).toBe('token audience not accepted');
  });

  it('refuses an HS256 token, whatever it was signed with', async () => {
    const token = await sign(claims, { alg: 'HS256', key: new TextEncoder().encode('x'.repeat(32)) });
    expect(await refusalOf(token)).toBe('token algorithm not accepted');
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    const stranger = await generateKeyPair('RS256');
    expect(await refusalOf(await sign(claims, { kid: 'key-2', key: stranger.privateKey }))).toBe(
      'token signing key not recognised',
    );
  });

  it('still checks the claims of a well-signed token', async () => {
    expect(await refusalOf(await sign({ ...claims, tenant: undefined }))).toBe(
      'token claim "tenant" must be a non-empty string',
    );
  });

  it('says the keys are unavailable, not that the token is bad, when the issuer cannot be reached', async () => {
    const unreachable = new TokenVerifier({
      mode: 'jwks',
      jwksUrl: jwksUrl.replace('/.well-known/jwks.json', '/missing'),
      issuer: ISSUER,
      audience: AUDIENCE,
      maxTokenLifetimeSeconds: 12 * 3600,
    });
    await expect(unreachable.verify(await sign(claims))).rejects.toBeInstanceOf(TokenVerificationUnavailableError);
  });
});
