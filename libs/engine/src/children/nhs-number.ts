/**
 * NHS number check (DOMAIN §8): 10 digits; weights 10..2 on digits 1–9;
 * check = 11 − (sum mod 11); 11 → 0; 10 → the number is invalid.
 */
export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 9).reduce((total, digit, i) => total + digit * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits[9];
}

/** NHS numbers are often written 943 476 5919; keep the digits. */
export function normaliseNhsNumber(value: string): string {
  return value.replace(/[\s-]/g, '');
}
