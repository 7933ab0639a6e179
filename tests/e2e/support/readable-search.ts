// Searching bytes for anything a person or a workspace could be recognised by: each text as
// UTF-8 and UTF-16 (how a database or a JavaScript engine might hold it), and an id or secret
// also as its raw bytes and in the encodings it travels in.

export type Needle = { name: string; text: string } | { name: string; bytes: Buffer }

/** The forms one secret value takes on the wire or on disk. */
const formsOf = (needle: Needle): Buffer[] =>
  'text' in needle
    ? [Buffer.from(needle.text, 'utf8'), Buffer.from(needle.text, 'utf16le')]
    : [needle.bytes, Buffer.from(needle.bytes.toString('hex')), Buffer.from(needle.bytes.toString('base64url')), Buffer.from(needle.bytes.toString('base64'))]

/** The names of the needles found anywhere in `haystack` ([] when none is). */
export const readableIn = (haystack: Buffer, needles: readonly Needle[]): string[] =>
  needles.filter((needle) => formsOf(needle).some((form) => form.length > 0 && haystack.includes(form))).map((needle) => needle.name)

/** A workspace id (32 hex digits) as the 16 bytes it stands for. */
export const idBytes = (hex: string): Buffer => Buffer.from(hex, 'hex')

/** The workspace secret from an invitation link (`…#/join/<id>.<secret>.…`), as its 32 bytes. */
export const secretFromInvite = (link: string): Buffer => {
  const secret = /#\/join\/[0-9a-f]{32}\.([A-Za-z0-9_-]{43})/.exec(link)?.[1]
  if (!secret) throw new Error(`No secret in the invitation ${link}`)
  return Buffer.from(secret, 'base64url')
}
