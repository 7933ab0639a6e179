import { formatBytes } from '../storage-health'

/**
 * How much a device keeps and accepts, shown to people before they choose a file. One file
 * may be up to 20 MB as chosen (a phone photo is 3 to 12 MB before it is made smaller; a long
 * PDF fits). A workspace's attachments together may take up to 500 MB on each device: enough
 * for a two-year lab's site visits (about 2,000 photos at the usual 250 KB each after
 * resizing), small enough that a phone's browser does not evict the workspace for it.
 */
export const MAX_ATTACHMENT_BYTES = 20_000_000
export const MAX_WORKSPACE_ATTACHMENT_BYTES = 500_000_000

/** Photos are made no longer than this on their longest side before they are stored. */
export const PHOTO_LONGEST_SIDE = 1600


export type SizeProblem = { kind: 'too-large'; message: string } | { kind: 'workspace-full'; message: string }

/** Whether a file of `size` may be added, with `stored` bytes already kept for the workspace. */
export const checkAttachmentSize = (size: number, stored: number): SizeProblem | null => {
  if (size > MAX_ATTACHMENT_BYTES) {
    return { kind: 'too-large', message: `This file is ${formatBytes(size)}; files can be up to ${formatBytes(MAX_ATTACHMENT_BYTES)}.` }
  }
  if (stored + size > MAX_WORKSPACE_ATTACHMENT_BYTES) {
    return {
      kind: 'workspace-full',
      message: `The workspace’s attachments would pass ${formatBytes(MAX_WORKSPACE_ATTACHMENT_BYTES)} on this device (${formatBytes(stored)} used). Remove some first.`
    }
  }
  return null
}
