import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_REQUIRED_PROBLEM, Clock, EnvironmentError, SystemClock } from '@frontdoor/config';
import { type AuthSettings, TokenVerifier } from '../tokens/token-verifier';
import { AuthGuard } from './auth.guard';

/**
 * `AuthModule.forRoot(environment.auth)` once, in the app's root module: provides TokenVerifier
 * everywhere and puts AuthGuard in front of every route. Uses the app's Clock when one is provided.
 */
@Module({})
export class AuthModule {
  static forRoot(auth: AuthSettings): DynamicModule {
    // Refused here, before anything listens: a real deployment must never fall back on the
    // development secret that anyone can read in the source.
    if (auth.mode === 'unconfigured') throw new EnvironmentError([AUTH_REQUIRED_PROBLEM]);
    return {
      module: AuthModule,
      global: true,
      providers: [
        {
          provide: TokenVerifier,
          useFactory: (clock?: Clock) => new TokenVerifier(auth, clock ?? new SystemClock()),
          inject: [{ token: Clock, optional: true }],
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
