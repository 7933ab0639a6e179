/** Readers for values that came from a peer and so may be of any type. */
export const readString = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : fallback

export const readNumber = (value: unknown, fallback = 0): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback
