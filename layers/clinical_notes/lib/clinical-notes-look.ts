// How each note type looks (badge colour and icon), one table for every screen.
import type { NoteType } from '../models'

export const NOTE_TYPE_LOOK: Record<NoteType, { color: 'neutral' | 'warning' | 'primary' | 'success', icon: string }> = {
  administrative: { color: 'neutral', icon: 'i-lucide-clipboard-list' },
  diagnosis: { color: 'warning', icon: 'i-lucide-stethoscope' },
  treatment: { color: 'primary', icon: 'i-lucide-syringe' },
  progress: { color: 'success', icon: 'i-lucide-trending-up' },
}
