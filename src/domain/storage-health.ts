/** What the browser tells us about this origin's storage, in plain numbers. */
export interface StorageFacts {
  persisted: boolean | 'unknown'
  usageBytes: number | null
  quotaBytes: number | null
}

export type StorageRisk =
  | { level: 'ok' }
  | { level: 'may-be-evicted' }
  | { level: 'nearly-full'; usedFraction: number }
  | { level: 'unknown' }

/** Above this share of the quota, writes may start failing soon. */
export const NEARLY_FULL_FRACTION = 0.8

/** The most urgent thing to tell a person about their storage. */
export const assessStorage = (facts: StorageFacts): StorageRisk => {
  if (facts.usageBytes !== null && facts.quotaBytes !== null && facts.quotaBytes > 0) {
    const usedFraction = facts.usageBytes / facts.quotaBytes
    if (usedFraction >= NEARLY_FULL_FRACTION) return { level: 'nearly-full', usedFraction }
  }
  if (facts.persisted === false) return { level: 'may-be-evicted' }
  if (facts.persisted === 'unknown') return { level: 'unknown' }
  return { level: 'ok' }
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const

/** 1536 → "1.5 KB"; uses powers of 1,000 as people read them on their devices. */
export const formatBytes = (bytes: number): string => {
  let value = bytes
  let unit = 0
  const shown = (): string => (unit === 0 ? String(Math.round(value)) : value.toFixed(value < 9.95 ? 1 : 0))
  // Step up while the figure as shown would reach 1,000, so 999,999 bytes reads "1.0 MB", not "1000 KB".
  while (Number(shown()) >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit += 1
  }
  return `${shown()} ${UNITS[unit]}`
}
