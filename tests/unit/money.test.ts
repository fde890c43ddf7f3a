import { describe, expect, it } from 'vitest'
import {
  addMoney, allocateMoney, compareMoney, displayMoney, formatMoney, isMoney, multiplyMoney, normalizeMoney, parseMoney, percentOfMoney, splitMoney, subtractMoney,
} from '../../shared/money'
import { moneySchema, rateSchema } from '../../shared/schemas/money'

describe('money: parse and format', () => {
  it.each([
    ['100', 10000n], ['100.5', 10050n], ['100.50', 10050n], ['0.01', 1n], ['0', 0n], ['-3.10', -310n], ['9999999999.99', 999999999999n],
  ])('%s is %s cents', (text, cents) => {
    expect(parseMoney(text)).toBe(cents)
  })

  it.each(['', '1.234', '1,50', 'abc', '1e3', ' 1', '.5', '1.', '+1', 'NaN'])('refuses %j', (text) => {
    expect(isMoney(text)).toBe(false)
    expect(() => parseMoney(text)).toThrow(TypeError)
  })

  it('refuses numbers: they may already have lost a cent', () => {
    expect(isMoney(0.1)).toBe(false)
  })

  it.each([[10050n, '100.50'], [1n, '0.01'], [0n, '0.00'], [-5n, '-0.05'], [-310n, '-3.10'], [123456789012345n, '1234567890123.45']])('%s cents is %s', (cents, text) => {
    expect(formatMoney(cents)).toBe(text)
  })

  it('normalises to two decimals', () => {
    expect(normalizeMoney('7')).toBe('7.00')
    expect(normalizeMoney('7.5')).toBe('7.50')
    expect(normalizeMoney('-0')).toBe('0.00')
  })
})

describe('money: arithmetic is exact', () => {
  it('adds where floats would not (0.1 + 0.2)', () => {
    expect(addMoney('0.10', '0.20')).toBe('0.30')
    expect(addMoney()).toBe('0.00')
    expect(addMoney('450.00', '400.00', '450.00')).toBe('1300.00')
    expect(addMoney(...Array.from({ length: 10 }, () => '0.10'))).toBe('1.00')
  })

  it('subtracts and compares', () => {
    expect(subtractMoney('100.00', '0.01')).toBe('99.99')
    expect(subtractMoney('1.00', '2.50')).toBe('-1.50')
    expect(compareMoney('100', '100.00')).toBe(0)
    expect(compareMoney('99.99', '100')).toBe(-1)
    expect(compareMoney('100.01', '100')).toBe(1)
  })

  it('multiplies by whole numbers only', () => {
    expect(multiplyMoney('55.10', 3)).toBe('165.30')
    expect(multiplyMoney('55.10', 0)).toBe('0.00')
    expect(multiplyMoney('9999999999.99', 1000)).toBe('9999999999990.00')
    expect(() => multiplyMoney('1.00', 1.5)).toThrow(TypeError)
  })

  it.each([
    ['100.00', 3, ['33.34', '33.33', '33.33']],
    ['0.02', 3, ['0.01', '0.01', '0.00']],
    ['10.00', 4, ['2.50', '2.50', '2.50', '2.50']],
    ['-1.00', 3, ['-0.34', '-0.33', '-0.33']],
    ['5.00', 1, ['5.00']],
  ])('splits %s in %i parts summing exactly', (amount, parts, expected) => {
    expect(splitMoney(amount, parts)).toEqual(expected)
    expect(addMoney(...splitMoney(amount, parts))).toBe(normalizeMoney(amount))
  })

  it('refuses to split in no parts', () => {
    expect(() => splitMoney('1.00', 0)).toThrow(TypeError)
  })

  it('allocates in proportion, the left-over cents to the largest remainders', () => {
    // 1500 → 1600: each share grows by 1600/1500.
    expect(allocateMoney('1600.00', ['600.00', '700.00', '200.00'])).toEqual(['640.00', '746.67', '213.33'])
    expect(allocateMoney('100.00', ['1', '1', '1'])).toEqual(['33.34', '33.33', '33.33'])
    expect(allocateMoney('10.00', ['0', '0'])).toEqual(['5.00', '5.00'])
    expect(allocateMoney('0.01', ['1', '2'])).toEqual(['0.00', '0.01'])
  })

  it.each([
    ['100.00', '21.00', '21.00'],
    ['10.05', '21.00', '2.11'], // 2.1105
    ['0.10', '10.00', '0.01'],
    ['0.05', '10.00', '0.01'], // 0.005 rounds half away from zero
    ['0.04', '10.00', '0.00'],
    ['-0.05', '10.00', '-0.01'],
    ['100.00', '0.00', '0.00'],
  ])('%s at %s%% is %s', (amount, rate, expected) => {
    expect(percentOfMoney(amount, rate)).toBe(expected)
  })

  it('shows an amount in the reader\'s language without a float', () => {
    expect(displayMoney('1234.5', 'EUR', 'en')).toBe('€1,234.50')
    expect(displayMoney('1234.5', 'EUR', 'es')).toBe('1234,50\u00A0€')
    expect(displayMoney('1234567890123.45', 'EUR', 'en')).toBe('€1,234,567,890,123.45')
  })
})

describe('money schemas', () => {
  it('answer the canonical form', () => {
    expect(moneySchema.parse('100')).toBe('100.00')
    expect(moneySchema.parse(' 7.5 ')).toBe('7.50')
    expect(rateSchema.parse('21')).toBe('21.00')
  })

  it.each([['-1.00'], ['1.001'], [100], ['10000000000.00'], [null]])('refuse the amount %j', (value) => {
    const result = moneySchema.safeParse(value)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('validation.money')
  })

  it.each([['100.01'], ['-1'], [21]])('refuse the rate %j', (value) => {
    const result = rateSchema.safeParse(value)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('validation.rate')
  })
})
