import { inChosenLanguage } from '../../i18n/known-in-language'

/**
 * A partner form's field error in the interface language. The domain schemas refuse in the
 * English of the catalogue (partner-map.en.ts), so the words name their message, and a length
 * limit's number is read back ("Use 80 characters or fewer": see known-text.ts).
 */
export const fieldError = (error: string | undefined): string | undefined => (error === undefined ? undefined : inChosenLanguage(error))
