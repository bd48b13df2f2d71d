/** The synthetic words the simulator writes: teams, referrers, concerns, signposting. Synthetic only. */

export const TEAMS = ['north', 'south', 'east', 'west', 'central'];

export const REFERRERS: Record<string, { role: string | null; organisation: string | null; sourceCode: string }> = {
  police: { role: 'Police officer', organisation: 'Police', sourceCode: '6' },
  school: { role: 'Designated safeguarding lead', organisation: 'Primary school', sourceCode: '2A' },
  health: { role: 'Health visitor', organisation: 'Community health', sourceCode: '3B' },
  family: { role: 'Relative', organisation: null, sourceCode: '1A' },
  housing: { role: 'Housing officer', organisation: 'Housing association', sourceCode: '4' },
  la: { role: 'Early help worker', organisation: 'Early help', sourceCode: '5D' },
  anonymous: { role: null, organisation: null, sourceCode: '9' },
};

export const UPDATES = ['missed school this week', 'a new injury noticed', 'parent asked for help', 'incident at home reported', 'change of address'];
export const OTHER_AGENCY_ASKS = ['Parent asking about housing repairs.', 'Question about benefits entitlement.', 'Adult family member needs care support.', 'Request for advice on school admissions.', 'Neighbour dispute over noise.'];
export const REDIRECTS = ['Housing options', 'Adult social care', 'Citizens Advice', 'School admissions', 'Early help hub', 'Community mental health team', 'Police (non-emergency)'];
export const CONCERNS = [
  'School reports missed meals and poor attendance.',
  'Health visitor worried about home conditions.',
  'Child disclosed being hit at home.',
  'Neighbour hears frequent shouting and crying.',
  'Young person missing overnight; older associates.',
  'GP concerned about parent’s mental health and baby’s care.',
  'Nursery noticed unexplained bruising.',
];
export const SIGNPOSTS = ['The school nurse drop-in on Tuesdays', 'Family hub parenting course', 'Young carers service', 'Local food bank and debt advice', 'Domestic abuse helpline'];
export const DELAY_REASONS = ['Family unavailable for visits', 'Awaiting specialist health information', 'Worker caseload pressures', 'Family moved address during the assessment'];
export const RAG_RATIONALE: Record<string, string> = {
  red: 'Risk of significant harm; immediate action',
  amber: 'Concerns need checks within a working day',
  green: 'No immediate risk; support needs',
};
export const DECISION_RATIONALE: Record<string, string> = {
  nfa: 'Threshold for statutory services not met; advice given',
  family_help: 'Needs co-ordinated support; no safeguarding concern found in checks',
  assessment: 'Needs may be complex; a child and family assessment is needed',
  strategy_discussion: 'Reasonable cause to suspect significant harm',
};
export const FEEDBACK: Record<string, string> = {
  nfa: 'Thank you. This does not need social care involvement; we have suggested other support.',
  family_help: 'Thank you. The family will be offered Family Help.',
  assessment: 'Thank you. A social worker will assess the child’s needs with the family.',
  strategy_discussion: 'Thank you. We are working with partners to keep the child safe.',
};
