import { AUTH_REQUIRED_PROBLEM, DEVELOPMENT_JWT_SECRET, EnvironmentError, readEnvironment } from './environment';

const REAL_DATABASE = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/frontdoor', NODE_ENV: 'production' };
const SECRET = 'a-real-deployment-secret-of-at-least-32-chars';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    readEnvironment(env);
  } catch (error) {
    if (error instanceof EnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe('how the environment chooses to verify tokens', () => {
  it('uses the published development secret only for the embedded demo (no DATABASE_URL)', () => {
    expect(readEnvironment({}).auth).toMatchObject({ mode: 'hs256', secret: DEVELOPMENT_JWT_SECRET, usingDevelopmentSecret: true });
  });

  it('never falls back on the development secret for a real database', () => {
    expect(readEnvironment(REAL_DATABASE).auth.mode).toBe('unconfigured');
    expect(AUTH_REQUIRED_PROBLEM).toContain('AUTH_JWT_SECRET');
    expect(AUTH_REQUIRED_PROBLEM).toContain('AUTH_JWKS_URL');
  });

  it('refuses the development secret given by name for a real database', () => {
    expect(problemsOf({ ...REAL_DATABASE, AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET }).join()).toMatch(/AUTH_JWT_SECRET must not be the development secret/);
  });

  it('takes a real secret or an identity provider', () => {
    expect(readEnvironment({ ...REAL_DATABASE, AUTH_JWT_SECRET: SECRET }).auth).toMatchObject({ mode: 'hs256', usingDevelopmentSecret: false });
    const oidc = { ...REAL_DATABASE, AUTH_JWKS_URL: 'https://id.example/jwks', AUTH_ISSUER: 'https://id.example', AUTH_AUDIENCE: 'front-door' };
    expect(readEnvironment(oidc).auth.mode).toBe('jwks');
  });

  it('caps token life at 12 hours unless configured, and names a bad setting', () => {
    expect(readEnvironment({}).auth.maxTokenLifetimeSeconds).toBe(12 * 3600);
    expect(readEnvironment({ AUTH_MAX_TOKEN_LIFETIME_HOURS: '1' }).auth.maxTokenLifetimeSeconds).toBe(3600);
    expect(problemsOf({ AUTH_MAX_TOKEN_LIFETIME_HOURS: 'forever' }).join()).toContain('AUTH_MAX_TOKEN_LIFETIME_HOURS');
  });
});
