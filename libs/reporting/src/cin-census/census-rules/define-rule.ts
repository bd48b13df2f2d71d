import type { CinChildRecord, CinEpisodeRecord } from '../cin-record';
import type { CollectionYear } from '../collection-year';

/**
 * The DfE's CIN census validation rules that apply to what Front Door records, checked before a
 * return is written: the DfE rejects a return that breaks them. Codes and messages are the
 * DfE's (CIN census validation rules, 2024-25 and 2025-26) where it has such a rule; rules
 * coded `FD-…` are Front Door's own checks of what the DfE's XML schema or code lists require.
 */
export interface CinProblem {
  /** Front Door's child id: where a manager goes to fix it. */
  child: string;
  /** The LAchildID the return would carry. */
  laChildId: string;
  /** The referral (episode) the problem is in, when it is in one. */
  episode: string | null;
  rule: string;
  message: string;
}

export interface CinRule {
  code: string;
  message: string;
  check(child: CinChildRecord, context: RuleContext): Finding[];
}

export interface RuleContext {
  /** Rules about the census year itself are skipped when the year is not given. */
  year: CollectionYear | null;
  all: readonly CinChildRecord[];
}

interface Finding {
  episode: string | null;
  detail: string | null;
}

/** What a check says: nothing wrong (false, null, undefined), wrong (true), or wrong with a detail. */
export type Verdict = boolean | string | null | undefined;

export function childRule(code: string, message: string, test: (child: CinChildRecord, context: RuleContext) => Verdict | Verdict[]): CinRule {
  return {
    code,
    message,
    check: (child, context) => findings(test(child, context), null),
  };
}

export function episodeRule(
  code: string,
  message: string,
  test: (episode: CinEpisodeRecord, child: CinChildRecord, context: RuleContext) => Verdict | Verdict[],
): CinRule {
  return {
    code,
    message,
    check: (child, context) => child.episodes.flatMap((episode) => findings(test(episode, child, context), episode.episodeId)),
  };
}

function findings(verdicts: Verdict | Verdict[], episode: string | null): Finding[] {
  return [verdicts]
    .flat()
    .filter((verdict) => verdict !== false && verdict !== null && verdict !== undefined && verdict !== '')
    .map((verdict) => ({ episode, detail: typeof verdict === 'string' ? verdict : null }));
}

export const before = (a: string | null, b: string | null) => a !== null && b !== null && a < b;
export const each = <T>(items: readonly T[], test: (item: T) => Verdict): Verdict[] => items.map(test);
