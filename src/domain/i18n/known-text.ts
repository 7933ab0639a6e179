import type { MessageKey, Translate } from './catalogue'
import { en } from './messages-en'

// Only messages without {arguments} can be recognised by their words.
const keyByEnglish = new Map<string, MessageKey>(
  (Object.entries(en) as [MessageKey, string][]).filter(([, text]) => !text.includes('{')).map(([key, text]) => [text, key])
)

/**
 * A fixed English sentence made below the interface (a schema's refusal, a relay or storage
 * problem) in the current language. Those layers take their words from the English catalogue,
 * so the sentence names its key; a sentence the catalogue does not hold (a browser's own error)
 * is shown as it came.
 */
export const translateKnown = (tr: Translate, text: string): string => {
  const key = keyByEnglish.get(text)
  return key ? tr(key) : text
}
