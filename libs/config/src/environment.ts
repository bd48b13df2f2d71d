/**
 * The process environment, validated once at boot into a typed object. A missing or malformed
 * value stops the process with a message naming it (ARCHITECTURE §6).
 */

/** Signs and verifies development and test tokens when no AUTH_JWT_SECRET is set. Never for production. */
export const DEVELOPMENT_JWT_SECRET = 'front-door-development-secret-not-for-production';

export interface Environment {
  port: number;
  /** Absent: the embedded PGlite database is used. */
  databaseUrl: string | null;
  /** Absent: BullMQ runs on its PostgreSQL backend over a second embedded PGlite. */
  redisUrl: string | null;
  /** Contacts one person (token tenant and subject) may post a minute before 429. */
  intakeRateLimitPerMinute: number;
  /**
   * Express's `trust proxy` (TRUST_PROXY): behind a load balancer, which hops' X-Forwarded-For to
   * believe — `true`, a number of hops, or addresses/subnets. Unset: none (the socket's address).
   */
  trustProxy: boolean | number | string;
  /**
   * How often the worker sweeps PostgreSQL for deadlines due and not fired (a timer Redis lost),
   * in seconds (DEADLINE_SWEEP_SECONDS, default 30): the longest a lost timer's breach can lag.
   */
  deadlineSweepSeconds: number;
  /** BullMQ key prefix: lets several Front Doors (or test runs) share one Redis. */
  queuePrefix: string;
  /** Where embedded data lives (PGlite folders). */
  dataDir: string;
  /**
   * How bearer tokens are checked. The development secret (published in this source) is only
   * ever used by the embedded demo; a deployment on a real database that names neither a secret
   * nor an identity provider is `unconfigured`, and the api refuses to start on it.
   */
  auth: (
    | { mode: 'hs256'; secret: string; usingDevelopmentSecret: boolean }
    | { mode: 'jwks'; jwksUrl: string; issuer: string; audience: string }
    | { mode: 'unconfigured' }
  ) & {
    /** The longest life (`exp` − `iat`) of a token Front Door accepts, in seconds. */
    maxTokenLifetimeSeconds: number;
  };
  /** Path of the per-authority settings file; absent: shipped defaults. */
  settingsFile: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  messaging: {
    /** SMTP for email (`smtp://host:port`); absent: email goes through GOV.UK Notify if set, else cannot be sent. */
    smtpUrl: string | null;
    mailFrom: string;
    /** GOV.UK Notify: the API key, an optional base URL (tests), template ids per message kind (JSON). */
    notifyApiKey: string | null;
    notifyBaseUrl: string | null;
    notifyTemplateIds: Record<string, string>;
    /** The bearer token Notify presents on its delivery-status callbacks. */
    notifyCallbackToken: string | null;
  };
}

/** Why a real deployment cannot verify tokens without a secret or an identity provider. */
export const AUTH_REQUIRED_PROBLEM =
  'AUTH_JWT_SECRET (at least 32 characters) or AUTH_JWKS_URL with AUTH_ISSUER and AUTH_AUDIENCE is required when DATABASE_URL is set: ' +
  'without one, anyone could sign tokens with the development secret published in the source';

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Front Door cannot start; fix the environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvironmentError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const value = text(name);
    if (value === null) return null;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must be a ${protocols.join(' or ')} URL (got ${parsed.protocol})`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return value;
  };

  const portText = text('PORT') ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push('PORT must be a whole number from 0 to 65535');

  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);

  const secret = text('AUTH_JWT_SECRET');
  const jwksUrl = url('AUTH_JWKS_URL', ['https:', 'http:']);
  const lifetimeHours = Number(text('AUTH_MAX_TOKEN_LIFETIME_HOURS') ?? '12');
  if (!(lifetimeHours > 0)) problems.push('AUTH_MAX_TOKEN_LIFETIME_HOURS must be a number of hours above 0');
  const maxTokenLifetimeSeconds = Math.round(lifetimeHours * 3600);
  let auth: Environment['auth'];
  if (jwksUrl) {
    const issuer = text('AUTH_ISSUER');
    const audience = text('AUTH_AUDIENCE');
    if (!issuer) problems.push('AUTH_ISSUER is required with AUTH_JWKS_URL');
    if (!audience) problems.push('AUTH_AUDIENCE is required with AUTH_JWKS_URL');
    auth = { mode: 'jwks', jwksUrl, issuer: issuer ?? '', audience: audience ?? '', maxTokenLifetimeSeconds };
  } else if (secret !== null) {
    if (secret.length < 32) problems.push('AUTH_JWT_SECRET must be at least 32 characters');
    if (secret === DEVELOPMENT_JWT_SECRET && databaseUrl !== null) {
      problems.push('AUTH_JWT_SECRET must not be the development secret published in Front Door\'s source');
    }
    auth = { mode: 'hs256', secret, usingDevelopmentSecret: false, maxTokenLifetimeSeconds };
  } else if (databaseUrl === null) {
    // The embedded demo on its own machine: tokens from `npm run token` just work.
    auth = { mode: 'hs256', secret: DEVELOPMENT_JWT_SECRET, usingDevelopmentSecret: true, maxTokenLifetimeSeconds };
  } else {
    auth = { mode: 'unconfigured', maxTokenLifetimeSeconds };
  }

  const logLevel = (text('LOG_LEVEL') ?? 'info') as Environment['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of: ${LOG_LEVELS.join(', ')}`);

  const intakeRateLimitPerMinute = Number(text('INTAKE_RATE_LIMIT_PER_MINUTE') ?? '600');
  if (!Number.isInteger(intakeRateLimitPerMinute) || intakeRateLimitPerMinute < 1) {
    problems.push('INTAKE_RATE_LIMIT_PER_MINUTE must be a whole number of at least 1');
  }
  const deadlineSweepSeconds = Number(text('DEADLINE_SWEEP_SECONDS') ?? '30');
  if (!(deadlineSweepSeconds >= 1 && deadlineSweepSeconds <= 3600)) problems.push('DEADLINE_SWEEP_SECONDS must be a number of seconds from 1 to 3600');
  const trustProxyText = text('TRUST_PROXY') ?? 'false';
  const trustProxy = /^(true|false)$/.test(trustProxyText)
    ? trustProxyText === 'true'
    : /^\d+$/.test(trustProxyText)
      ? Number(trustProxyText)
      : trustProxyText;
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  const notifyBaseUrl = url('NOTIFY_BASE_URL', ['https:', 'http:']);
  let notifyTemplateIds: Record<string, string> = {};
  const templateIdsText = text('NOTIFY_TEMPLATE_IDS');
  if (templateIdsText) {
    try {
      const parsed = JSON.parse(templateIdsText) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Object.values(parsed).some((v) => typeof v !== 'string')) throw new Error();
      notifyTemplateIds = parsed as Record<string, string>;
    } catch {
      problems.push('NOTIFY_TEMPLATE_IDS must be a JSON object of message kind to template id, e.g. {"default":"…"}');
    }
  }
  const notifyApiKey = text('NOTIFY_API_KEY');
  if (notifyApiKey && !notifyTemplateIds.default) problems.push('NOTIFY_TEMPLATE_IDS needs a "default" template id when NOTIFY_API_KEY is set');

  if (problems.length > 0) throw new EnvironmentError(problems);
  return {
    port,
    databaseUrl,
    redisUrl,
    intakeRateLimitPerMinute,
    trustProxy,
    deadlineSweepSeconds,
    queuePrefix: text('QUEUE_PREFIX') ?? 'front-door',
    dataDir: text('FRONT_DOOR_DATA_DIR') ?? '.data',
    auth,
    settingsFile: text('FRONT_DOOR_SETTINGS'),
    logLevel,
    messaging: {
      smtpUrl,
      mailFrom: text('MAIL_FROM') ?? 'Front Door <front-door@localhost>',
      notifyApiKey,
      notifyBaseUrl,
      notifyTemplateIds,
      notifyCallbackToken: text('NOTIFY_CALLBACK_TOKEN'),
    },
  };
}

/** The Nest injection token of the environment read once at boot. */
export const ENVIRONMENT = Symbol('Environment');
