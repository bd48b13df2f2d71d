/** The coarse stage of an episode (docs/api.md), derived from where the chart is. */
export const STAGES = [
  'screening',
  'triage',
  'awaiting_sign_off',
  'family_help',
  'assessment',
  'child_in_need',
  'strategy_discussion',
  's47_enquiry',
  'icpc',
  'cp_plan',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];
