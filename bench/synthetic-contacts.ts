/**
 * Varied synthetic contacts, so intake does real matching: about half name a child this client
 * sent before (found by NHS number, or by name, date of birth and postcode when the number is
 * left out), the rest a new child; one in five names a sibling too. Each client keeps its own
 * children, so two concurrent requests never race to record the same new child.
 */
const GIVEN = ['Ada', 'Ben', 'Chloe', 'Dev', 'Ella', 'Finn', 'Grace', 'Hari', 'Isla', 'Jay', 'Kai', 'Lena', 'Milo', 'Nia', 'Omar', 'Poppy'];
const FAMILY = ['Smith', 'Jones', 'Patel', 'Khan', 'Taylor', 'Brown', 'Evans', 'Wilson', 'Okafor', 'Nowak', 'Hughes', 'Murphy'];
const TOWNS = ['Trowbridge', 'Chippenham', 'Salisbury', 'Devizes', 'Melksham'];
const CHANNELS = ['phone', 'email', 'letter', 'police_notification', 'in_person'];
const CATEGORIES = ['neglect', 'physical', 'emotional', 'domestic_abuse', 'risk_outside_home', 'exploitation'];
const SOURCES = ['1A', '2A', '3A', '3B', '5A', '5B', '8'];

export interface SyntheticChild {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: string;
  nhsNumber: string;
  postcode: string;
  town: string;
}

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same contacts. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid NHS number (DOMAIN §8 check digit) from a 9-digit stem, or null if the stem has none. */
export function nhsNumberFrom(stem: number): string | null {
  const digits = String(stem).padStart(9, '0').split('').map(Number);
  const sum = digits.reduce((total, digit, i) => total + digit * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return `${digits.join('')}${check === 11 ? 0 : check}`;
}

export class SyntheticContacts {
  private readonly random: () => number;
  private readonly known: SyntheticChild[] = [];
  private stem: number;

  /** `client` keeps NHS numbers and names apart between clients and runs. */
  constructor(private readonly client: number, run: number) {
    this.random = randomSource(client * 7919 + run * 104729 + 1);
    this.stem = 300_000_000 + (run * 64 + client) * 40_000;
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  private newChild(familyName = this.pick(FAMILY), postcode?: string, town?: string): SyntheticChild {
    let nhsNumber: string | null = null;
    while (!nhsNumber) nhsNumber = nhsNumberFrom(this.stem++);
    const day = new Date(Date.UTC(2008, 0, 1) + Math.floor(this.random() * 6500) * 86_400_000);
    const child: SyntheticChild = {
      // A unique given name per child keeps name-and-birth matching honest (no accidental twins).
      givenName: `${this.pick(GIVEN)}${this.client}x${this.stem % 100000}`,
      familyName,
      dateOfBirth: day.toISOString().slice(0, 10),
      sex: this.pick(['F', 'M']),
      nhsNumber,
      postcode: postcode ?? `BA${10 + Math.floor(this.random() * 89)} ${1 + Math.floor(this.random() * 9)}${this.pick(['AA', 'AB', 'BD', 'QT'])}`,
      town: town ?? this.pick(TOWNS),
    };
    this.known.push(child);
    return child;
  }

  private childBody(child: SyntheticChild, withNhsNumber: boolean) {
    return {
      givenName: child.givenName,
      familyName: child.familyName,
      dateOfBirth: child.dateOfBirth,
      sex: child.sex,
      ...(withNhsNumber ? { nhsNumber: child.nhsNumber } : {}),
      ethnicity: 'WBRI',
      address: { line1: '1 High Street', town: child.town, postcode: child.postcode },
    };
  }

  /** One contact body; `childrenCount` fixes how many children it names (for seeding episodes). */
  next(childrenCount?: number): Record<string, unknown> {
    const again = childrenCount === undefined && this.known.length > 0 && this.random() < 0.5;
    const first = again ? this.pick(this.known) : this.newChild();
    const children = [this.childBody(first, this.random() < (again ? 0.5 : 0.7))];
    const count = childrenCount ?? (this.random() < 0.2 ? 2 : 1);
    for (let i = 1; i < count; i++) children.push(this.childBody(this.newChild(first.familyName, first.postcode, first.town), true));
    const category = this.pick(CATEGORIES);
    return {
      channel: this.pick(CHANNELS),
      referrer: {
        name: 'Sam Patel',
        role: 'Youth worker',
        organisation: 'Wiltshire Youth Service',
        sourceCode: this.pick(SOURCES),
        email: 'sam.patel@example.org',
        phone: '01225 000000',
        wantsInvolvement: this.random() < 0.5,
        feedbackChannel: 'email',
      },
      children,
      concern: { summary: `Worry about ${first.givenName}: ${category.replace(/_/g, ' ')}.`, categories: [category], immediateRisk: false },
      consent: { obtained: true, reasonIfNot: null },
    };
  }
}
