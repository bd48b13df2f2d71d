import { Clock, SettableClock } from '@frontdoor/config';
import { Controller, Get, Global, type INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { Actor, Role } from '../actor';
import { TokenVerificationUnavailableError } from '../tokens/token-errors';
import { signDevelopmentToken, TokenVerifier } from '../tokens/token-verifier';
import { Public, Requires } from './auth-metadata';
import { AuthModule } from './auth.module';
import { CurrentActor } from './current-actor.decorator';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const auth = { mode: 'hs256' as const, secret: SECRET, usingDevelopmentSecret: false, maxTokenLifetimeSeconds: 12 * 3600 };

@Controller('probe')
class ProbeController {
  @Get('open')
  @Public()
  open() {
    return { open: true };
  }

  @Get('reports')
  @Requires('reports.read')
  reports(@CurrentActor() actor: Actor) {
    return { sub: actor.sub, tenant: actor.tenant };
  }

  @Get('forgotten')
  forgotten() {
    return { leaked: true };
  }
}

@Controller('episodes')
@Requires('episodes.list')
class EpisodesController {
  @Get()
  list(@CurrentActor() actor: Actor) {
    return { sub: actor.sub };
  }

  @Get('pathway')
  @Requires('pathway.read')
  pathway() {
    return { pathway: true };
  }

  @Get('status')
  @Public()
  status() {
    return { status: 'ok' };
  }
}

@Controller('health')
@Public()
class HealthController {
  @Get('live')
  live() {
    return { live: true };
  }

  @Get('secrets')
  @Requires('queues.admin')
  secrets() {
    return { secrets: true };
  }
}

const CONTROLLERS = [ProbeController, EpisodesController, HealthController];

async function start(build: (module: ReturnType<typeof Test.createTestingModule>) => typeof module = (m) => m) {
  const moduleRef = await build(
    Test.createTestingModule({ imports: [AuthModule.forRoot(auth)], controllers: CONTROLLERS }),
  ).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

const tokenFor = (roles: Role[], extra: { agency?: string } = {}) =>
  signDevelopmentToken(SECRET, { sub: 'alice', roles, tenant: '865', ...extra });

describe('AuthGuard', () => {
  let app: INestApplication;
  const get = (path: string, token?: string) => {
    const call = request(app.getHttpServer()).get(path);
    return token === undefined ? call : call.set('Authorization', `Bearer ${token}`);
  };

  beforeAll(async () => {
    app = await start();
  });
  afterAll(() => app.close());

  it('refuses a request without a token with 401, saying what to send', async () => {
    const response = await get('/probe/reports').expect(401);
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Missing bearer token: send an "Authorization: Bearer <token>" header',
    });
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const response = await request(app.getHttpServer())
      .get('/probe/reports')
      .set('Authorization', 'Basic YWxpY2U6c2VjcmV0')
      .expect(401);
    expect(response.body.message).toBe('Malformed Authorization header: expected "Bearer <token>"');
  });

  it('refuses an invalid token with 401, without echoing it', async () => {
    const expired = await signDevelopmentToken(SECRET, { sub: 'alice', roles: ['manager'], tenant: '865' }, '-1h');
    const response = await get('/probe/reports', expired).expect(401);
    expect(response.body.message).toBe('Bearer token refused: token expired');
    expect(JSON.stringify(response.body)).not.toContain(expired);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('refuses a role the policy does not allow with 403', async () => {
    const response = await get('/probe/reports', await tokenFor(['referrer'])).expect(403);
    expect(response.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Your role may not read reports' });
  });

  it('lets an allowed role through and hands the handler its Actor', async () => {
    const response = await get('/probe/reports', await tokenFor(['auditor'])).expect(200);
    expect(response.body).toEqual({ sub: 'alice', tenant: '865' });
  });

  it('closes a route that declares neither @Public() nor @Requires() to everyone', async () => {
    await get('/probe/forgotten').expect(401);
    for (const role of ['manager', 'admin'] as const) {
      const response = await get('/probe/forgotten', await tokenFor([role])).expect(403);
      expect(response.body.message).toBe('This route declares no access rule, so it is closed to everyone');
    }
  });

  it('opens a @Public() route without a token', async () => {
    await get('/probe/open').expect(200, { open: true });
  });

  it('applies a controller-wide @Requires() to its handlers', async () => {
    await get('/episodes').expect(401);
    await get('/episodes', await tokenFor(['partner'], { agency: 'police' })).expect(403);
    await get('/episodes', await tokenFor(['practitioner'])).expect(200, { sub: 'alice' });
  });

  it("lets a handler's own declaration override its controller's", async () => {
    await get('/episodes/pathway', await tokenFor(['partner'], { agency: 'police' })).expect(200);
    await get('/episodes/status').expect(200);
    await get('/health/live').expect(200);
    await get('/health/secrets').expect(401);
    await get('/health/secrets', await tokenFor(['manager'])).expect(403);
    await get('/health/secrets', await tokenFor(['admin'])).expect(200);
  });
});

describe('AuthGuard when the identity provider cannot be reached', () => {
  it('answers 503, not 401', async () => {
    const app = await start((m) =>
      m.overrideProvider(TokenVerifier).useValue({
        verify: () => Promise.reject(new TokenVerificationUnavailableError()),
      }),
    );
    try {
      const response = await request(app.getHttpServer())
        .get('/probe/reports')
        .set('Authorization', 'Bearer a.b.c')
        .expect(503);
      expect(response.body.message).toBe('Sign-in cannot be checked just now; try again shortly');
    } finally {
      await app.close();
    }
  });
});

describe('AuthModule', () => {
  it("reads the time from the app's Clock when there is one", async () => {
    const clock = new SettableClock(new Date());
    @Global()
    @Module({ providers: [{ provide: Clock, useValue: clock }], exports: [Clock] })
    class ClockModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [ClockModule, AuthModule.forRoot(auth)],
      controllers: CONTROLLERS,
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const token = await signDevelopmentToken(SECRET, { sub: 'alice', roles: ['manager'], tenant: '865' }, '1h');
      await request(app.getHttpServer()).get('/probe/reports').set('Authorization', `Bearer ${token}`).expect(200);
      clock.advance(2 * 60 * 60 * 1000);
      const response = await request(app.getHttpServer())
        .get('/probe/reports')
        .set('Authorization', `Bearer ${token}`)
        .expect(401);
      expect(response.body.message).toBe('Bearer token refused: token expired');
    } finally {
      await app.close();
    }
  });
});
