/**
 * Splits a "one per line or comma separated" list that a person typed, dropping blanks and
 * repeats (compared without case), keeping the first spelling and the typed order.
 */
export const parseListText = (text: string): string[] => {
  const seen = new Set<string>()
  const result: string[] = []
  for (const part of text.split(/[\n,]/)) {
    const name = part.trim()
    const key = name.toLowerCase()
    if (name && !seen.has(key)) {
      seen.add(key)
      result.push(name)
    }
  }
  return result
}
