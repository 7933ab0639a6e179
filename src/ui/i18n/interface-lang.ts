import { INTL_TAGS } from '../../domain/i18n/locale'
import { locale } from './current-locale'

/**
 * The `lang` for Mutual's own words placed inside a region marked as content (content-lang.ts),
 * such as "(removed by Asha)" in a compared text: they are in the interface language, not the
 * content's. Reactive, like t(): `<span lang={interfaceLang()}>`.
 */
export const interfaceLang = (): string => INTL_TAGS[locale()]
