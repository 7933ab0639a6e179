import { translateKnown } from '../../../domain/i18n/known-text'
import { currentTranslator } from '../../i18n/t'

// The one partner-schema refusal with a number in it (see `max` in domain/partner.ts).
const TOO_LONG = /^Use (\d+) characters or fewer$/

/**
 * A partner form's field error in the interface language. The domain schemas refuse in the
 * English of the catalogue (partner-map.en.ts), so the words name their message.
 */
export const fieldError = (error: string | undefined): string | undefined => {
  if (error === undefined) return undefined
  const tr = currentTranslator()
  const tooLong = TOO_LONG.exec(error)
  return tooLong ? tr('partners.error.tooLong', { count: Number(tooLong[1]) }) : translateKnown(tr, error)
}
