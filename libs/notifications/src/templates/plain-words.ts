import type { DeadlineKind } from '@frontdoor/pathway';

/**
 * Outcomes in the words a referrer reads. The engine fixes `outcomeText` at the step; these are
 * the fallback when it did not (the same words, so a message reads the same either way).
 */
export const OUTCOME_WORDS: Record<string, string> = {
  nfa: 'No further action by children’s social care',
  family_help: 'Family Help',
  assessment: 'A child and family assessment',
  strategy_discussion: 'A multi-agency strategy discussion',
  cin_plan: 'A child in need plan',
  forwarded: 'Passed to the social worker already working with the child',
  redirected: 'Not for children’s social care: directed elsewhere',
  merged: 'Linked with an earlier contact about the same worry',
};

/** Outcomes that mean the threshold for children's social care was not met (DOMAIN §5: say what else may help). */
export const THRESHOLD_NOT_MET = new Set(['nfa', 'redirected']);

/** Each statutory or local deadline, as the step a manager would name (DOMAIN §4). */
export const DEADLINE_WORDS: Record<DeadlineKind, string> = {
  acknowledgement: 'acknowledgement to the referrer',
  decision: 'decision on next steps',
  mash_checks: 'MASH information gathering',
  agency_check: 'agency check',
  strategy_discussion: 'strategy discussion',
  assessment: 'child and family assessment',
  icpc: 'initial child protection conference',
  core_group: 'first core group meeting',
  review_conference: 'child protection review conference',
};

/**
 * The entry for `key` in one of the templates' tables, or undefined: only the table's own
 * entries, never what every object inherits (a stored outcome of "valueOf" is not a function).
 */
export function entryOf<T>(table: Readonly<Record<string, T>>, key: string | null): T | undefined {
  return key !== null && Object.hasOwn(table, key) ? table[key] : undefined;
}

export function deadlineWords(kind: string | null): string {
  if (kind === null) return 'deadline';
  return entryOf<string>(DEADLINE_WORDS, kind) ?? kind.replace(/[_-]+/g, ' ');
}

export function outcomeWords(outcome: string | null, outcomeText: string | null): string | null {
  return outcomeText ?? entryOf(OUTCOME_WORDS, outcome) ?? null;
}
