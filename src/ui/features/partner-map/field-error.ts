import { translateKnown } from '../../../domain/i18n/known-text'
import { currentTranslator } from '../../i18n/t'

/**
 * A partner form's field error in the interface language. The domain schemas refuse in the
 * English of the catalogue (partner-map.en.ts), so the words name their message, and a length
 * limit's number is read back ("Use 80 characters or fewer": see known-text.ts).
 */
export const fieldError = (error: string | undefined): string | undefined =>
  error === undefined ? undefined : translateKnown(currentTranslator(), error)
