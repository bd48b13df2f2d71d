import { ANNEX_A_COLUMNS } from './annex-a-columns';

/** Ofsted's column names, letter for letter (see annex-a-columns.ts for the source). */
describe('Annex A column names', () => {
  const child = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)'];

  it('list 1 (contacts)', () => {
    expect(ANNEX_A_COLUMNS[1]).toEqual([...child, 'Date of Contact', 'Contact Source']);
  });

  it('list 2 (early help)', () => {
    expect(ANNEX_A_COLUMNS[2]).toEqual([...child, 'Assessment start date', 'Assessment completion date', 'Organisation completing assessment']);
  });

  it('list 3 (referrals)', () => {
    expect(ANNEX_A_COLUMNS[3]).toEqual([
      ...child,
      'Date of referral',
      'Referral Source',
      'Referral NFA?',
      'Number of Referrals in Last 12 Months',
      'Allocated Team',
      'Allocated Worker',
    ]);
  });

  it('list 4 (assessments)', () => {
    expect(ANNEX_A_COLUMNS[4]).toEqual([
      ...child,
      'Does the Child have a Disability',
      'Continuous Assessment Start Date',
      'Child Seen During Continuous Assessment',
      'Continuous Assessment Date of Authorisation',
      "Was the child assessed as requiring LA children's social care support?",
      'Allocated Team',
      'Allocated Worker',
    ]);
  });

  it('list 5 (section 47 enquiries and ICPCs)', () => {
    expect(ANNEX_A_COLUMNS[5]).toEqual([
      ...child,
      'Does the Child have a Disability',
      'Strategy discussion initiating Section 47 Enquiry Start Date',
      'Was an Initial Child Protection Conference deemed unnecessary?',
      'Date of Initial Child Protection Conference',
      'Did the Initial Child Protection Conference Result in a Child Protection Plan',
      'Number of Section 47 Enquiries in the last 12 months',
      'Number of ICPCs in the last 12 months',
      'Allocated Team',
      'Allocated Worker',
    ]);
  });
});
