// What the timeline writes for the chart and the notes (odontogram's
// treatment events, clinical_notes' note events), in the clinic's language.
// Only metadata: never a note's text (every role reads the timeline).
export interface ClinicalTimelineTexts {
  treatmentCompleted: (name: string | null, teeth: string | null) => string
  treatmentPlanned: (type: string | null, teeth: string | null) => string
  price: (amount: string) => string
  /** "tooth 16", "teeth 14, 15 and 16". */
  teeth: (teeth: number[]) => string
  noteAdded: (type: string | null) => string
  noteAmended: (type: string | null) => string
  /** Clinical types (catalog's TREATMENT_CLINICAL_TYPES) as the clinic's language says them. */
  clinicalTypes: Record<string, string>
}

const list = (locale: string, items: number[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items.map(String))

export const CLINICAL_EN: ClinicalTimelineTexts = {
  treatmentCompleted: (name, teeth) => (name ? `Treatment completed: ${name}${teeth ? ` on ${teeth}` : ''}` : teeth ? `Treatment completed on ${teeth}` : 'Treatment completed'),
  treatmentPlanned: (type, teeth) => (type ? `Treatment planned: ${type}${teeth ? ` on ${teeth}` : ''}` : teeth ? `Treatment planned on ${teeth}` : 'Treatment planned'),
  price: amount => `Price: ${amount}`,
  teeth: teeth => (teeth.length === 1 ? `tooth ${teeth[0]}` : `teeth ${list('en-GB', teeth)}`),
  noteAdded: type => `${NOTE_EN[type ?? ''] ?? 'Note'} added`,
  noteAmended: type => `${NOTE_EN[type ?? ''] ?? 'Note'} amended`,
  clinicalTypes: {
    filling: 'filling', crown: 'crown', root_canal: 'root canal', implant: 'implant', bridge: 'bridge', extraction: 'extraction',
    sealant: 'sealant', veneer: 'veneer', inlay: 'inlay', post: 'post', bracket: 'bracket', retainer: 'retainer',
    cleaning: 'cleaning', scaling: 'scaling', whitening: 'whitening', denture: 'denture', apicoectomy: 'apicoectomy',
    fluoride: 'fluoride application', exam: 'examination', radiograph: 'radiograph',
  },
}
const NOTE_EN: Record<string, string> = { administrative: 'Administrative note', diagnosis: 'Diagnosis note', treatment: 'Treatment note', progress: 'Progress note' }

export const CLINICAL_ES: ClinicalTimelineTexts = {
  treatmentCompleted: (name, teeth) => (name ? `Tratamiento realizado: ${name}${teeth ? ` en ${teeth}` : ''}` : teeth ? `Tratamiento realizado en ${teeth}` : 'Tratamiento realizado'),
  treatmentPlanned: (type, teeth) => (type ? `Tratamiento planificado: ${type}${teeth ? ` en ${teeth}` : ''}` : teeth ? `Tratamiento planificado en ${teeth}` : 'Tratamiento planificado'),
  price: amount => `Precio: ${amount}`,
  teeth: teeth => (teeth.length === 1 ? `el diente ${teeth[0]}` : `los dientes ${list('es-ES', teeth)}`),
  noteAdded: type => `${NOTE_ES[type ?? ''] ?? 'Nota'} añadida`,
  noteAmended: type => `${NOTE_ES[type ?? ''] ?? 'Nota'} enmendada`,
  clinicalTypes: {
    filling: 'obturación', crown: 'corona', root_canal: 'endodoncia', implant: 'implante', bridge: 'puente', extraction: 'extracción',
    sealant: 'sellador', veneer: 'carilla', inlay: 'incrustación', post: 'perno', bracket: 'bracket', retainer: 'retenedor',
    cleaning: 'limpieza', scaling: 'raspado', whitening: 'blanqueamiento', denture: 'prótesis removible', apicoectomy: 'apicectomía',
    fluoride: 'aplicación de flúor', exam: 'revisión', radiograph: 'radiografía',
  },
}
const NOTE_ES: Record<string, string> = { administrative: 'Nota administrativa', diagnosis: 'Nota de diagnóstico', treatment: 'Nota de tratamiento', progress: 'Nota de evolución' }

/** The FDI numbers of a payload's `teeth`: `[16, 17]` or `[{ tooth: 16, ... }]`; anything else is left out. */
export function payloadTeeth(value: unknown): number[] {
  if (!Array.isArray(value)) return []
  const numbers = value.map(v => (typeof v === 'object' && v !== null ? (v as { tooth?: unknown }).tooth : v))
  return [...new Set(numbers.filter((n): n is number => Number.isInteger(n) && (n as number) >= 11 && (n as number) <= 85))]
}
