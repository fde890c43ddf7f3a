// How each note type looks (its badge's colour and icon), one table of tones
// for every screen (the kit's AppStatusBadge shows them).
import type { Tone } from '#dentalpin/client'
import type { NoteType } from '../models'

export const NOTE_TYPE_LOOK: Record<NoteType, Tone> = {
  administrative: { color: 'neutral', icon: 'i-lucide-clipboard-list' },
  diagnosis: { color: 'warning', icon: 'i-lucide-stethoscope' },
  treatment: { color: 'primary', icon: 'i-lucide-syringe' },
  progress: { color: 'success', icon: 'i-lucide-trending-up' },
}
