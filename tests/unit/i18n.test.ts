import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validationMessages } from '../../shared/validation-messages'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`))).sort()
}

const dir = new URL('../../i18n/locales/', import.meta.url)
const AREAS = ['', 'shell.', 'settings.', 'modules.']
// A locale is the merge of its area files (en.json, shell.en.json, ...).
const load = (file: string) => {
  const code = file.replace('.json', '')
  return Object.assign({}, ...AREAS.map(area => JSON.parse(readFileSync(new URL(`${area === '' ? code : `${area}${code}`}.json`, dir), 'utf8')))) as Tree
}

describe('translations', () => {
  it('ships en and es for every area', () => {
    expect(readdirSync(dir).sort()).toEqual(AREAS.flatMap(area => ['en', 'es'].map(code => (area ? `${area}${code}.json` : `${code}.json`))).sort())
  })

  it('has every English key in Spanish and no extra ones', () => {
    expect(keys(load('es.json'))).toEqual(keys(load('en.json')))
  })

  it('has no empty message', () => {
    for (const file of ['en.json', 'es.json']) {
      const tree = load(file)
      const empty = keys(tree).filter(k => !k.split('.').reduce<Tree | string>((t, part) => (t as Tree)[part]!, tree))
      expect(empty, file).toEqual([])
    }
  })

  it('translates every validation message key the shared schemas use', () => {
    const translated = keys(load('en.json')).filter(k => k.startsWith('validation.'))
    expect(Object.keys(validationMessages).sort()).toEqual(translated)
  })
})
