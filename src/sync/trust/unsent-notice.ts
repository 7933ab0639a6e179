import { formatBytes } from '../../domain/storage-health'

/**
 * What this device shows when one of its changes was too large to send at all (change-batcher.ts):
 * the change is in this device's copy and stays there; the others get it only in smaller parts.
 */
export const unsentText = (bytes: number, largest: number): string =>
  `Your last change is too large to send to the others: ${formatBytes(bytes)} in one go, where at most ${formatBytes(largest)} can go at once. ` +
  'It is kept on this device. Add it in smaller parts (for example, paste a long text a section at a time) so that the others receive it.'
