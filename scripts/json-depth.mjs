// How deeply a JSON text nests, found without parsing it. JSON.parse and JSON.stringify recurse
// on nesting, so a few KB of "[[[[…" can exhaust the stack (RangeError) in a server that relays
// what it parsed; checking the depth first keeps that text from ever being parsed.

const OPEN_ARRAY = 0x5b
const OPEN_OBJECT = 0x7b
const CLOSE_ARRAY = 0x5d
const CLOSE_OBJECT = 0x7d
const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * Whether `text` nests arrays and objects no deeper than `maxDepth` (brackets inside strings do
 * not count). Linear in the text's length, with no recursion and no allocation.
 * @param {string} text
 * @param {number} maxDepth
 */
export const jsonDepthWithin = (text, maxDepth) => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (inString) {
      if (code === BACKSLASH) i++
      else if (code === QUOTE) inString = false
    } else if (code === QUOTE) inString = true
    else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (++depth > maxDepth) return false
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) depth--
  }
  return true
}
