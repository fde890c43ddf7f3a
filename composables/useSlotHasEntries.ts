import type { MaybeRefOrGetter } from 'vue'
import type { SlotContext, SlotName } from '#shared/types/slots'

/** Whether a slot has visible entries, so a host can hide an empty section. */
export function useSlotHasEntries<N extends SlotName>(name: N, ctx: MaybeRefOrGetter<SlotContext<N>>) {
  const slots = useModuleSlots()
  return computed(() => slots.entries(name, toValue(ctx)).length > 0)
}
