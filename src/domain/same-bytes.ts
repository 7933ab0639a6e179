/** Whether two byte arrays hold the same bytes. (Not for secrets: see sync/digest.ts's equalBytes, which takes constant time.) */
export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, i) => byte === b[i])
