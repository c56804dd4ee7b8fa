import { describe, expect, it } from 'vitest';
import { parseNumberInput } from '#src/domain/number-input.ts';

describe('numbers typed into forms: plain decimals only', () => {
  it.each([
    ['12', 12],
    [' 12 ', 12],
    ['0', 0],
    ['2,5', 2.5], // Vietnamese decimal comma
    ['2.5', 2.5], // decimal point: never 25
    ['0,125', 0.125],
    ['0.125', 0.125],
    ['1.200', 1200], // Vietnamese thousands separator
    ['1.000.000', 1_000_000],
    ['1 500', 1500],
    ['1.500,5', 1500.5],
    ['1234.567', 1234.567], // not a thousands grouping (four digits before the dot)
    ['1.20', 1.2],
  ])('%j → %d', (input, value) => {
    expect(parseNumberInput(input)).toEqual({ ok: true, value });
  });

  it.each([
    '0x10', // hexadecimal (Number() says 16)
    '0b101',
    '0o17',
    '1e3', // exponent (Number() says 1000)
    '2E+2',
    'Infinity',
    '-Infinity',
    'NaN',
    '-5',
    '+5',
    '1,2,3',
    '1.5.0',
    '1.000,5,5',
    '1,000.5', // English grouping with a decimal point
    '12 34', // spaces that are not thousands groups
    '١٢', // Arabic-Indic digits
    '１２', // full-width digits
    '12abc',
    'mười',
    '.5',
    '5.',
    ',5',
    '1_000',
    '9'.repeat(41),
  ])('refuses %j', (input) => {
    expect(parseNumberInput(input)).toEqual({ ok: false, reason: 'format' });
  });

  it('refuses a comma followed by exactly three digits as ambiguous (1.2 in Vietnamese, 1200 in English)', () => {
    expect(parseNumberInput('1,200')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseNumberInput('12,500')).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it('blank (spaces only included) is no answer, never 0', () => {
    expect(parseNumberInput('')).toEqual({ ok: false, reason: 'blank' });
    expect(parseNumberInput('   ')).toEqual({ ok: false, reason: 'blank' });
  });
});
