import { ASSESSMENT_RULES } from './census-rules/assessment.rules';
import { CHILD_RULES } from './census-rules/child.rules';
import { CIN_DETAILS_RULES } from './census-rules/cin-details.rules';
import type { CinProblem, CinRule, RuleContext } from './census-rules/define-rule';
import { PLAN_RULES } from './census-rules/plan.rules';
import type { CinChildRecord } from './cin-record';
import type { CollectionYear } from './collection-year';

export type { CinProblem, CinRule, RuleContext } from './census-rules/define-rule';

/**
 * Every rule, in the order a manager would work through a child's record: the child, then each
 * referral's details, assessments and plans (census-rules/, one file a part of the record).
 */
export const CIN_RULES: readonly CinRule[] = [
  ...CHILD_RULES,
  ...CIN_DETAILS_RULES,
  ...ASSESSMENT_RULES,
  ...PLAN_RULES,
];

/** Every problem in the records, child by child (in the records' order), each rule in turn. */
export function validateCinRecords(records: readonly CinChildRecord[], year: CollectionYear | null = null): CinProblem[] {
  const context: RuleContext = { year, all: records };
  return records.flatMap((child) =>
    CIN_RULES.flatMap((rule) =>
      rule.check(child, context).map((finding) => ({
        child: child.childId,
        laChildId: child.laChildId,
        episode: finding.episode,
        rule: rule.code,
        message: finding.detail ? `${rule.message} (${finding.detail})` : rule.message,
      })),
    ),
  );
}

export interface ChildProblems {
  child: string;
  laChildId: string;
  problems: { episode: string | null; rule: string; message: string }[];
}

/** The problem list as a manager works through it: one entry per child. */
export function problemsByChild(problems: readonly CinProblem[]): ChildProblems[] {
  const byChild = new Map<string, ChildProblems>();
  for (const { child, laChildId, episode, rule, message } of problems) {
    const entry = byChild.get(child) ?? { child, laChildId, problems: [] };
    entry.problems.push({ episode, rule, message });
    byChild.set(child, entry);
  }
  return [...byChild.values()];
}
