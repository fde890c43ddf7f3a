import type { MaybeRefOrGetter } from 'vue'

/**
 * What a data composable says about its load, as the kit's `AppAsyncState`
 * reads it: a composable returning `loading`, `loadError` and `refresh` is
 * one (`<AppAsyncState :source="users">`).
 */
export interface AsyncSource {
  /** The load runs and nothing is shown yet. */
  loading: MaybeRefOrGetter<boolean>
  /** The failure, already worded for the reader; `null` when the last load worked. */
  loadError: MaybeRefOrGetter<string | null>
  /** Loads again (the error's "Try again"). */
  refresh: () => unknown
}

/** A source from a loader that does not return that shape itself (a status, a first-load flag). */
export function asyncSource(loading: MaybeRefOrGetter<boolean>, loadError: MaybeRefOrGetter<string | null>, refresh: () => unknown): AsyncSource {
  return { loading, loadError, refresh }
}
