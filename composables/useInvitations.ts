import type { InvitationDto } from '#shared/types/auth'

export type Invitation = InvitationDto

/**
 * The signed-in user's invitations to other clinics (from /me) and their
 * answers. Accepting refreshes /me so the clinic switcher shows the new
 * clinic (and, for someone who had none, makes it the current one);
 * declining asks first (the host's dialog). Errors are toasts.
 */
export function useInvitations() {
  const { t } = useI18n()
  const toast = useToast()
  const auth = useAuthStore()

  const invitations = computed<Invitation[]>(() => auth.me?.invitations ?? [])
  /** Invitations with an answer in flight: their buttons are disabled meanwhile. */
  const { busyIds, run } = useBusyIds()
  const attempt = useToastedAction()
  // An invitation withdrawn or expired meanwhile: show what is left.
  const refreshMe = () => auth.fetchMe().catch(err => console.error('[invitations] could not refresh /me', err))
  const answer = (invitation: Invitation, work: () => Promise<void>) => run(invitation.id, () => attempt(work, { onFailure: refreshMe }))

  function accept(invitation: Invitation): Promise<boolean> {
    return answer(invitation, async () => {
      const before = auth.me?.current_clinic_id ?? null
      await $fetch(`/api/v1/auth/invitations/${invitation.id}/accept`, { method: 'POST' })
      await auth.fetchMe()
      const becameCurrent = auth.me?.current_clinic_id !== before
      if (becameCurrent) {
        // Someone who had no clinic now works in this one: its modules and data follow.
        await useModulesStore().refresh()
        await refreshNuxtData()
      }
      toast.add({
        title: t(becameCurrent ? 'shell.invitations.joined' : 'shell.invitations.accepted', { clinic: invitation.clinic_name }),
        color: 'success',
        icon: 'i-lucide-check',
      })
    })
  }

  function decline(invitation: Invitation): Promise<boolean> {
    return answer(invitation, async () => {
      await $fetch(`/api/v1/auth/invitations/${invitation.id}/decline`, { method: 'POST' })
      await auth.fetchMe()
      toast.add({ title: t('shell.invitations.declined', { clinic: invitation.clinic_name }), color: 'success', icon: 'i-lucide-check' })
    })
  }

  return { invitations, busyIds: readonly(busyIds), accept, decline }
}
