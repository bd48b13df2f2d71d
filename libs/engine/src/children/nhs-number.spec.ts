import fc from 'fast-check';
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number';

describe('NHS number check', () => {
  it('accepts a number whose check digit is right', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('4010232137')).toBe(true);
  });

  it('refuses a number with one digit wrong', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
  });

  it('refuses numbers whose check would be 10, and anything not ten digits', () => {
    expect(isValidNhsNumber('0000000060')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('94347659a9')).toBe(false);
  });

  it('reads a number written with spaces', () => {
    expect(isValidNhsNumber(normaliseNhsNumber('943 476 5919'))).toBe(true);
  });

  it('catches every single-digit change of a valid number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = [...'9434765919'].map(Number);
        digits[position] = (digits[position] + delta) % 10;
        return !isValidNhsNumber(digits.join(''));
      }),
    );
  });
});
