/**
 * Prints one signed HS256 token for development and tests (docs/api.md, Conventions):
 *
 *   npm run token -- --role practitioner --tenant 865 --sub alice [--name "Alice Jones"]
 *     [--agency police] [--email a@x] [--source-code 5B] [--expires 8h]
 *
 * Signed with AUTH_JWT_SECRET, or the development secret when it is not set: the same choice
 * the API makes at boot, so the token works against a local API.
 */
import { parseArgs } from 'node:util';
import { type DevelopmentTokenClaims, isRole, ROLES, type Role, signDevelopmentToken } from '@frontdoor/auth';
import { DEVELOPMENT_JWT_SECRET } from '@frontdoor/config';

const USAGE = `Usage: npm run token -- --role <role> --tenant <tenant> --sub <subject> [options]

Prints one signed HS256 token for Front Door on stdout.

Required:
  --role <role>          ${ROLES.join(', ')}; repeat or comma-separate for several
  --tenant <tenant>      the local authority, e.g. 865
  --sub <subject>        the person's id, e.g. alice

Options:
  --name <name>          display name (default: the subject)
  --agency <agency>      partner agency or referring organisation (required for partner)
  --email <email>
  --source-code <code>   a referrer's default CIN referral source, e.g. 5B
  --expires <span>       lifetime, e.g. 15m, 8h, 2d (default: 8h)
  --help                 show this help

Signs with AUTH_JWT_SECRET, or the development secret when it is not set.`;

class UsageError extends Error {}

interface TokenRequest {
  claims: DevelopmentTokenClaims;
  expiresIn: string;
}

function parseTokenRequest(args: string[]): TokenRequest | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string', multiple: true },
        tenant: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        agency: { type: 'string' },
        email: { type: 'string' },
        'source-code': { type: 'string' },
        expires: { type: 'string', default: '8h' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';

  const roleNames = (values.role ?? []).flatMap((value) => value.split(',')).map((role) => role.trim()).filter(Boolean);
  if (roleNames.length === 0) throw new UsageError('--role is required');
  const unknown = roleNames.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new UsageError(`unknown role: ${unknown.join(', ')}`);
  const roles = [...new Set(roleNames)] as Role[];

  const tenant = required(values.tenant, '--tenant');
  const sub = required(values.sub, '--sub');
  const agency = optional(values.agency);
  if (roles.includes('partner') && agency === undefined) throw new UsageError('--agency is required for the partner role');

  return {
    claims: {
      sub,
      roles,
      tenant,
      name: optional(values.name),
      agency,
      email: optional(values.email),
      sourceCode: optional(values['source-code']),
    },
    expiresIn: values.expires,
  };
}

function required(value: string | undefined, option: string): string {
  const text = optional(value);
  if (text === undefined) throw new UsageError(`${option} is required`);
  return text;
}

function optional(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

async function main(): Promise<number> {
  let request: TokenRequest | 'help';
  try {
    request = parseTokenRequest(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 1;
  }
  if (request === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  // Trimmed and blank-as-absent, as readEnvironment reads it, so both sides hold the same secret.
  const secret = process.env.AUTH_JWT_SECRET?.trim() || DEVELOPMENT_JWT_SECRET;
  if (process.env.AUTH_JWKS_URL?.trim()) {
    process.stderr.write('Note: AUTH_JWKS_URL is set, so the API verifies tokens with JWKS and will refuse this HS256 token.\n');
  }
  let token: string;
  try {
    token = await signDevelopmentToken(secret, request.claims, request.expiresIn);
  } catch (error) {
    // jose refuses a lifetime it cannot read ("Invalid time period format").
    if (!(error instanceof TypeError)) throw error;
    process.stderr.write(`--expires: not a time span jose understands (e.g. 15m, 8h, 2d)\n\n${USAGE}\n`);
    return 1;
  }
  process.stdout.write(`${token}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Could not sign a token: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
