import { For } from 'solid-js'
import { LOCALES, LOCALE_NAMES, type Locale } from '../../domain/i18n/locale'
import { locale, setLocale } from './current-locale'

/**
 * The header's switch: one button naming the other language in that language ("Cymraeg" while
 * in English, "English" while in Welsh), with its own `lang` so a screen reader says the name
 * right. Choosing it changes the whole interface at once and is remembered on this device.
 */
export const LanguageSwitch = () => {
  const other = (): Locale => (locale() === 'cy' ? 'en' : 'cy')
  return (
    <button type="button" class="language-switch" lang={other()} onClick={() => setLocale(other())}>
      {LOCALE_NAMES[other()]}
    </button>
  )
}

/**
 * The first-run choice: both languages side by side, the current one pressed. Its group label
 * is bilingual on purpose (each half marked with its language): it is read before anyone has
 * chosen, so it is fixed text, not a catalogue message.
 */
export const LanguageChoice = () => (
  <div role="group" aria-labelledby="language-choice-label" class="language-choice">
    <span id="language-choice-label" class="language-choice-label">
      <span lang="cy">Iaith</span> / <span lang="en">Language</span>
    </span>
    <For each={LOCALES}>
      {(l) => (
        <button type="button" class="button small" lang={l} aria-pressed={locale() === l} onClick={() => setLocale(l)}>
          {LOCALE_NAMES[l]}
        </button>
      )}
    </For>
  </div>
)
