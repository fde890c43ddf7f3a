import { describe, expect, it } from 'vitest'
import { isJsonContentType } from '../../server/http/body-policy'
import { jsonDepthExceeds } from '../../server/http/json-depth'
import { nulPaths } from '../../server/http/nul'

describe('jsonDepthExceeds', () => {
  it.each([
    ['{}', 1, false],
    ['{}', 0, true],
    ['[[1]]', 2, false],
    ['[[1]]', 1, true],
    ['{"a":{"b":[1,{"c":2}]}}', 4, false],
    ['{"a":{"b":[1,{"c":2}]}}', 3, true],
    // Brackets in strings, escaped quotes included, do not count.
    ['{"a":"[[[[{{{{"}', 1, false],
    ['{"a":"\\"[[[[","b":1}', 1, false],
    ['["\\\\",[1]]', 2, false],
    ['["\\\\",[1]]', 1, true],
    ['', 1, false],
  ])('%s with max %i → %s', (text, max, expected) => {
    expect(jsonDepthExceeds(text, max)).toBe(expected)
  })

  it('scans a 100 000-deep array without recursion', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(jsonDepthExceeds(deep, 32)).toBe(true)
  })
})

describe('nulPaths', () => {
  it.each([
    [{ a: 'ok', b: 'x\u0000' }, ['b']],
    [{ list: ['ok', 'b\u0000ad'], nested: { deep: [{ name: '\u0000' }] } }, ['list[1]', 'nested.deep[0].name']],
    ['\u0000', ['(root)']],
    [{ 'k\u0000ey': 1 }, ['k\\u0000ey']],
    [{ a: 1, b: null, c: true, d: 'fine' }, []],
  ])('%j → %j', (input, expected) => {
    expect(nulPaths(input)).toEqual(expected)
  })

  it('walks a very deep value without overflowing the stack, and stops at the limit', () => {
    let deep: unknown = 'x\u0000'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(nulPaths(deep)).toHaveLength(1)
    expect(nulPaths(Array.from({ length: 50 }, () => '\u0000'), 20)).toHaveLength(20)
  })
})

describe('isJsonContentType', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON', true],
    ['application/merge-patch+json', true],
    ['text/plain', false],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
    [undefined, false],
  ])('%s → %s', (type, expected) => {
    expect(isJsonContentType(type)).toBe(expected)
  })
})
