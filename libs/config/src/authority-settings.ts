import { readFileSync } from 'node:fs';
import type { PathwaySettings, Timescale } from '@frontdoor/pathway';

/**
 * Per-authority settings (ARCHITECTURE §6): timescales the law leaves to local practice,
 * the partner agencies the MASH asks, and the teams that cover areas of the county.
 */
export interface AuthoritySettings {
  pathway: PathwaySettings;
  partnerAgencies: string[];
  teams: { id: string; name: string; postcodeAreas: string[] }[];
  /** Partner systems that take referrer feedback by webhook, by the referrer's organisation. */
  partnerSystems: { organisation: string; url: string; secret: string }[];
}

/** Shipped defaults: DOMAIN §3 (red 4 hours, amber 1, green 3 working days; strategy discussion 1 working day). */
export const DEFAULT_AUTHORITY_SETTINGS: AuthoritySettings = {
  pathway: {
    ragTimescales: { red: { hours: 4 }, amber: { workingDays: 1 }, green: { workingDays: 3 } },
    strategyDiscussion: { workingDays: 1 },
  },
  partnerAgencies: ['police', 'health', 'education', 'probation', 'housing', 'youth_justice'],
  teams: [
    { id: 'north', name: 'North assessment team', postcodeAreas: ['SN'] },
    { id: 'south', name: 'South assessment team', postcodeAreas: ['SP'] },
    { id: 'west', name: 'West assessment team', postcodeAreas: ['BA'] },
  ],
  partnerSystems: [],
};

export interface SettingsFile {
  /** Overrides per tenant (local authority code); anything not given keeps the default. */
  authorities?: Record<string, Partial<AuthoritySettings>>;
}

export class AuthoritySettingsRegistry {
  constructor(private readonly file: SettingsFile = {}) {}

  static fromFile(path: string | null): AuthoritySettingsRegistry {
    if (!path) return new AuthoritySettingsRegistry();
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`FRONT_DOOR_SETTINGS (${path}) could not be read as JSON: ${(error as Error).message}`, { cause: error });
    }
    const problems = validateSettingsFile(parsed);
    if (problems.length > 0) {
      throw new Error(`FRONT_DOOR_SETTINGS (${path}) is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
    return new AuthoritySettingsRegistry(parsed as SettingsFile);
  }

  for(tenant: string): AuthoritySettings {
    const own = this.file.authorities?.[tenant] ?? {};
    return {
      pathway: {
        ragTimescales: { ...DEFAULT_AUTHORITY_SETTINGS.pathway.ragTimescales, ...own.pathway?.ragTimescales },
        strategyDiscussion: own.pathway?.strategyDiscussion ?? DEFAULT_AUTHORITY_SETTINGS.pathway.strategyDiscussion,
      },
      partnerAgencies: own.partnerAgencies ?? DEFAULT_AUTHORITY_SETTINGS.partnerAgencies,
      teams: own.teams ?? DEFAULT_AUTHORITY_SETTINGS.teams,
      partnerSystems: own.partnerSystems ?? DEFAULT_AUTHORITY_SETTINGS.partnerSystems,
    };
  }
}

function isTimescale(value: unknown): value is Timescale {
  if (typeof value !== 'object' || value === null) return false;
  const entries = Object.entries(value);
  if (entries.length !== 1) return false;
  const [unit, amount] = entries[0];
  return ['workingDays', 'hours', 'months'].includes(unit) && Number.isInteger(amount) && (amount as number) > 0;
}

export function validateSettingsFile(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['the settings file must hold a JSON object'];
  const authorities = (value as SettingsFile).authorities ?? {};
  for (const [tenant, settings] of Object.entries(authorities)) {
    const at = `authorities.${tenant}`;
    const rag = settings.pathway?.ragTimescales ?? {};
    for (const [level, timescale] of Object.entries(rag)) {
      if (!['red', 'amber', 'green'].includes(level)) problems.push(`${at}.pathway.ragTimescales.${level} is not a RAG rating`);
      else if (!isTimescale(timescale)) {
        problems.push(`${at}.pathway.ragTimescales.${level} must be one of {"workingDays": n}, {"hours": n}, {"months": n}`);
      }
    }
    const strategy = settings.pathway?.strategyDiscussion;
    if (strategy !== undefined && !isTimescale(strategy)) problems.push(`${at}.pathway.strategyDiscussion is not a timescale`);
    if (settings.partnerAgencies !== undefined) {
      if (!Array.isArray(settings.partnerAgencies) || settings.partnerAgencies.some((a) => typeof a !== 'string' || !a)) {
        problems.push(`${at}.partnerAgencies must be a list of agency names`);
      }
    }
    if (settings.teams !== undefined) {
      if (!Array.isArray(settings.teams) || settings.teams.some((t) => typeof t?.id !== 'string' || typeof t?.name !== 'string')) {
        problems.push(`${at}.teams must be a list of { id, name, postcodeAreas }`);
      }
    }
    if (settings.partnerSystems !== undefined) {
      const valid =
        Array.isArray(settings.partnerSystems) &&
        settings.partnerSystems.every(
          (p) => typeof p?.organisation === 'string' && typeof p?.url === 'string' && typeof p?.secret === 'string' && p.secret.length >= 16,
        );
      if (!valid) problems.push(`${at}.partnerSystems must be a list of { organisation, url, secret (16+ characters) }`);
    }
  }
  return problems;
}
