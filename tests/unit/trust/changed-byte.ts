/**
 * `bytes` with the one at `at` changed (an `a` to `b`, anything else to `a`), as a part altered on
 * the way would be: in a note's text, the result usually still decodes, so only the signature can tell.
 */
export const withChangedByte = (bytes: Uint8Array, at: number): Uint8Array => {
  const changed = bytes.slice()
  changed[at] = changed[at] === 0x61 ? 0x62 : 0x61
  return changed
}
