// How a search box becomes terms: lower case without accents ("Obturación" →
// "obturacion"), split on spaces; each term must match the code or a name in
// any language (repositories/items.ts folds the stored text the same way).

/** Lower-cased, accents and other combining marks removed. */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
}

/** At most 10 distinct terms. */
export function itemSearchTerms(query: string | undefined): string[] {
  if (!query) return []
  return [...new Set(foldText(query).split(/\s+/).filter(Boolean))].slice(0, 10)
}
