import type { StorageFacts } from '../domain/storage-health'

/**
 * Asks the browser to keep this origin's data under storage pressure. Browsers decide by
 * their own rules (installed app, bookmarks, engagement); the answer is shown to the person.
 */
export const requestPersistentStorage = async (): Promise<boolean | 'unknown'> => {
  if (!navigator.storage?.persist) return 'unknown'
  try {
    if (await navigator.storage.persisted()) return true
    return await navigator.storage.persist()
  } catch {
    return 'unknown'
  }
}

export const readStorageFacts = async (): Promise<StorageFacts> => {
  const storage = navigator.storage
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => 'unknown' as const) : ('unknown' as const),
    storage?.estimate ? storage.estimate().catch(() => null) : null
  ])
  return {
    persisted,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null
  }
}
