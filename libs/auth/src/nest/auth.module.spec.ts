import { EnvironmentError, readEnvironment } from '@frontdoor/config';
import { AuthModule } from './auth.module';

describe('AuthModule', () => {
  it('refuses to start a deployment on a real database with no secret and no identity provider, naming the variable', () => {
    const env = readEnvironment({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/frontdoor', NODE_ENV: 'production' });
    expect(() => AuthModule.forRoot(env.auth)).toThrow(EnvironmentError);
    expect(() => AuthModule.forRoot(env.auth)).toThrow(/AUTH_JWT_SECRET/);
  });
});
