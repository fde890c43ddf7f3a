// How a status looks wherever the UI shows it: one of the app's colours
// (app.config.ts, contrast-checked once for every screen) and an icon. A
// module keeps a table `Record<Status, Tone>` next to its status machine and
// hands a status's tone to the kit's `<AppStatusBadge>`.

/** The colours of the app's palette a badge, a button or an alert takes. */
export type ToneColor = 'primary' | 'secondary' | 'success' | 'info' | 'warning' | 'error' | 'neutral'

export interface Tone {
  color: ToneColor
  /** A Lucide icon (`i-lucide-…`); none for a badge of colour and words only. */
  icon?: string
}
