import type { ChildInput } from '@frontdoor/engine';
import { Prng } from './prng';

/** Synthetic names only: small built-in lists, combined at random. No real person is described. */
const GIVEN_NAMES_F = ['Ada', 'Bea', 'Cleo', 'Dot', 'Esme', 'Faye', 'Gwen', 'Hana', 'Iris', 'Juno', 'Kit', 'Lyra', 'Maya', 'Nell', 'Orla', 'Pia', 'Rae', 'Suki', 'Tess', 'Uma', 'Vi', 'Wren', 'Zara'];
const GIVEN_NAMES_M = ['Alf', 'Ben', 'Cal', 'Dex', 'Eli', 'Finn', 'Gus', 'Hal', 'Ike', 'Jed', 'Kai', 'Leo', 'Max', 'Ned', 'Otis', 'Rex', 'Sol', 'Tam', 'Vic', 'Wyn', 'Zac'];
const FAMILY_NAMES = [
  'Example', 'Sample', 'Specimen', 'Placeholder', 'Dummy', 'Testwood', 'Mockford', 'Fictum', 'Synthe', 'Proxley',
  'Madeup', 'Notreal', 'Demoson', 'Fakeham', 'Stubbs', 'Pretendy', 'Imaginary', 'Trialby', 'Draftley', 'Modelle',
];
const POSTCODE_DISTRICTS = ['SN1', 'SN2', 'SN3', 'SN5', 'BA12', 'BA13', 'BA14', 'BA15', 'SP1', 'SP2', 'SP4', 'SN10', 'SN11', 'SN12', 'SN14', 'SN15'];
const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** CIN census ethnicity codes, weighted roughly like a shire county's child population. */
const ETHNICITY_WEIGHTS = {
  WBRI: 78, WOTH: 4, WIRI: 0.5, WROM: 0.5, WIRT: 0.5, MWBC: 2, MWBA: 1, MWAS: 1, MOTH: 1.5, AIND: 1.5, APKN: 1, ABAN: 0.5,
  AOTH: 0.7, BAFR: 1.5, BCRB: 0.5, BOTH: 0.3, CHNE: 0.5, OOTH: 1, REFU: 0.5, NOBT: 2,
} as const;

export interface SyntheticChild extends ChildInput {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: string;
  ethnicity: string;
  nhsNumber: string;
  address: { postcode: string };
}

const DISABILITIES = ['LD', 'AUT', 'BEH', 'COMM', 'MOB', 'HEAR', 'VIS', 'PC', 'CON', 'HAND', 'INC', 'DDA'] as const;

/** 10 digits whose last is the modulus-11 check digit (DOMAIN §8); null when the check would be 10. */
export function withNhsCheckDigit(nineDigits: string): string | null {
  const sum = [...nineDigits].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return `${nineDigits}${check === 11 ? 0 : check}`;
}

/** Makes synthetic children and referrers from a seeded PRNG; NHS numbers are valid and unique. */
export class SyntheticPeople {
  private readonly usedNhsNumbers = new Set<string>();

  constructor(private readonly random: Prng) {}

  nhsNumber(): string {
    for (;;) {
      // Leading 9: outside the ranges issued in England to real people.
      let nine = '9';
      for (let i = 0; i < 8; i++) nine += String(this.random.int(0, 9));
      const candidate = withNhsCheckDigit(nine);
      if (candidate && !this.usedNhsNumbers.has(candidate)) {
        this.usedNhsNumbers.add(candidate);
        return candidate;
      }
    }
  }

  postcode(): string {
    const r = this.random;
    return `${r.pick(POSTCODE_DISTRICTS)} ${r.int(1, 9)}${r.pick([...LETTERS])}${r.pick([...LETTERS])}`;
  }

  /** A child aged 0–17 on `on`, in a household with `familyName` and `postcode` when given. */
  child(on: Date, household?: { familyName: string; postcode: string; ethnicity: string }): SyntheticChild {
    const r = this.random;
    const sex = r.chance(0.5) ? 'F' : 'M';
    // Referrals peak in early years and adolescence; a flat spread with a slight tilt is enough here.
    const ageDays = r.chance(0.2) ? r.int(1, 2 * 365) : r.int(2 * 365, 17 * 365 + 300);
    const dob = new Date(on.getTime() - ageDays * 86_400_000);
    return {
      givenName: r.pick(sex === 'F' ? GIVEN_NAMES_F : GIVEN_NAMES_M),
      familyName: household?.familyName ?? r.pick(FAMILY_NAMES),
      dateOfBirth: dob.toISOString().slice(0, 10),
      sex,
      ethnicity: household?.ethnicity ?? r.weighted(ETHNICITY_WEIGHTS),
      nhsNumber: this.nhsNumber(),
      address: { postcode: household?.postcode ?? this.postcode() },
      // Most referrers can say whether a child has a disability; some cannot.
      ...(r.chance(0.8) ? { disabilities: this.disabilities() } : {}),
    };
  }

  /** CIN census disability codes: mostly none; otherwise one or two. */
  disabilities(): string[] {
    const r = this.random;
    if (r.chance(0.88)) return ['NONE'];
    const codes = new Set([r.pick(DISABILITIES)]);
    if (r.chance(0.3)) codes.add(r.pick(DISABILITIES));
    return [...codes];
  }

  /** One to three siblings (mostly one). */
  household(on: Date): SyntheticChild[] {
    const first = this.child(on);
    const size = this.random.weighted({ one: 78, two: 17, three: 5 });
    const more = size === 'one' ? 0 : size === 'two' ? 1 : 2;
    const children = [first];
    for (let i = 0; i < more; i++) {
      children.push(this.child(on, { familyName: first.familyName, postcode: first.address.postcode, ethnicity: first.ethnicity }));
    }
    return children;
  }

  personName(): string {
    const r = this.random;
    return `${r.pick(r.chance(0.5) ? GIVEN_NAMES_F : GIVEN_NAMES_M)} ${r.pick(FAMILY_NAMES)}`;
  }
}
