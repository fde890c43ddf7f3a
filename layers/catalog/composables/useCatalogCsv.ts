import Papa from 'papaparse'
import type { CatalogItem, ItemImportResult } from '../models'
import { CSV_COLUMNS, csvColumnOf, csvRowToImport, itemToCsvRow } from '../lib/catalog-csv'
import type { CsvRow } from '../lib/catalog-csv'

export interface CatalogImportProblem {
  /** 1-based, counting the header as row 1 (as a spreadsheet shows it). */
  row: number
  column: string
  message: string
}
export type CatalogImportOutcome = { ok: true, result: ItemImportResult } | { ok: false, message: string, problems: CatalogImportProblem[] }

/**
 * CSV export and import of the treatments (papaparse reads and writes the
 * text; lib/catalog-csv.ts maps the columns). Export: every item of the
 * clinic, all pages. Import: the server checks every row and saves all or
 * nothing; its per-row errors come back as spreadsheet rows and columns.
 */
export function useCatalogCsv(refresh: () => Promise<unknown>) {
  const { t } = useI18n()
  const toast = useToast()
  const describe = useCatalogErrors()
  const serverMessage = useServerMessage()
  const exporting = ref(false)
  const importing = ref(false)

  async function allItems(): Promise<CatalogItem[]> {
    const items: CatalogItem[] = []
    for (let page = 1; ; page++) {
      const res = await $fetch('/api/v1/catalog/items', { query: { page, page_size: 200 } })
      items.push(...res.data)
      if (items.length >= res.total || res.data.length === 0) return items
    }
  }

  async function exportCsv(): Promise<void> {
    if (exporting.value) return
    exporting.value = true
    try {
      const items = await allItems()
      const text = Papa.unparse({ fields: [...CSV_COLUMNS], data: items.map(item => CSV_COLUMNS.map(c => itemToCsvRow(item)[c])) })
      const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type: 'text/csv;charset=utf-8' }))
      const link = Object.assign(document.createElement('a'), { href: url, download: 'treatments.csv' })
      link.click()
      URL.revokeObjectURL(url)
      toast.add({ title: t('catalog.csv.exported', { n: items.length }), color: 'success', icon: 'i-lucide-check' })
    }
    catch (e) {
      toast.add({ title: t('catalog.csv.exportFailed'), description: describe(e).message, color: 'error', icon: 'i-lucide-circle-alert' })
    }
    finally {
      exporting.value = false
    }
  }

  /** The rows of a CSV text (header row first), or the reason it could not be read. */
  function parse(text: string): { rows: CsvRow[] } | { error: string } {
    const parsed = Papa.parse<CsvRow>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: h => h.trim().toLowerCase() })
    const fatal = parsed.errors.find(e => e.type !== 'FieldMismatch')
    if (fatal) return { error: t('catalog.csv.parseFailed') }
    if (parsed.data.length === 0) return { error: t('catalog.csv.noRows') }
    return { rows: parsed.data }
  }

  async function importRows(rows: CsvRow[]): Promise<CatalogImportOutcome> {
    if (importing.value) return { ok: false, message: '', problems: [] }
    importing.value = true
    try {
      const res = await $fetch('/api/v1/catalog/items/import', { method: 'POST', body: { items: rows.map(csvRowToImport) } })
      toast.add({ title: t('catalog.csv.imported', res.data), color: 'success', icon: 'i-lucide-check' })
      await refresh()
      return { ok: true, result: res.data }
    }
    catch (e) {
      const info = describe(e)
      const items = (e as { data?: { errors?: { field?: string, code?: string, message: string, params?: Record<string, string | number | string[]> }[] } }).data?.errors ?? []
      const problems = items.flatMap((item) => {
        const at = item.field ? csvColumnOf(item.field) : null
        return at ? [{ row: at.row + 2, column: at.column, message: serverMessage(item) }] : []
      })
      return { ok: false, message: problems.length ? t('catalog.csv.errorsTitle') : info.message, problems }
    }
    finally {
      importing.value = false
    }
  }

  return { exporting: readonly(exporting), importing: readonly(importing), exportCsv, parse, importRows }
}
export type CatalogCsv = ReturnType<typeof useCatalogCsv>
