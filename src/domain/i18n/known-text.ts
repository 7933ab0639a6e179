import type { MessageKey, MessageValues, Translate } from './catalogue'
import { en } from './messages-en'
import { csvProblemsEn } from './areas/csv-problems.en'
import { fileProblemsEn } from './areas/file-problems.en'
import { formProblemsEn } from './areas/form-problems.en'

/**
 * The tables below are built on first use, not when the module loads: the module is part of the
 * first screen's code, and building them (a map of every English message, a pattern for each
 * refusal, a number format) took about 25 ms of a cold open in which no refusal is shown.
 */
const once = <T>(build: () => T): (() => T) => {
  let built: T | undefined
  return () => (built ??= build())
}

// Messages without {arguments} are recognised by their words alone.
const keyByEnglish = once(
  () => new Map<string, MessageKey>((Object.entries(en) as [MessageKey, string][]).filter(([, text]) => !text.includes('{')).map(([key, text]) => [text, key]))
)

/**
 * Refusals made below the interface with a value in them (a size, a line, a name): only these
 * are matched with their {arguments}, so a generic message such as "{name} changes" can never
 * take a sentence it did not make. Each takes plain {arguments} only, or {count, number} for a
 * count that Intl writes in the chosen language (fillKnown fills them).
 */
/** Refusals of other areas that their own layers write with a value in them. */
const OTHER_TEMPLATE_KEYS = ['partners.csvFile.tooBig', 'partners.error.tooLong', 'storageProblem.blocked'] as const
const TEMPLATE_KEYS = [...Object.keys(fileProblemsEn), ...Object.keys(csvProblemsEn), ...Object.keys(formProblemsEn), ...OTHER_TEMPLATE_KEYS] as MessageKey[]
export type KnownTemplateKey =
  | keyof typeof fileProblemsEn
  | keyof typeof csvProblemsEn
  | keyof typeof formProblemsEn
  | (typeof OTHER_TEMPLATE_KEYS)[number]

/** Arguments whose text is itself a refusal, shown in the chosen language too. */
const NESTED = new Set(['reason'])
/** Longer text is shown as it came: matching costs time that grows with length, and no refusal is this long. */
const MAX_MATCHED_LENGTH = 2000
const MAX_NESTING = 3

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

interface Template {
  key: MessageKey
  pattern: RegExp
  /** Each {argument} in order; a {count, number} is read back as a number, any other value (a cell's text) stays as written. */
  names: { name: string; numeric: boolean }[]
}

const templateOf = (key: MessageKey): Template => {
  const names: Template['names'] = []
  const source = en[key]
    .split(/(\{\w+(?:, number)?\})/)
    .map((part) => {
      const argument = /^\{(\w+)(, number)?\}$/.exec(part)
      if (!argument) return escapeRegExp(part)
      names.push({ name: argument[1] as string, numeric: argument[2] !== undefined })
      return '(.+?)'
    })
    .join('')
  return { key, pattern: new RegExp(`^${source}$`, 's'), names }
}

/** Length of a template's words, without its {arguments}. */
const wordsLength = (template: Template): number => template.pattern.source.replace(/\(\.\+\?\)/g, '').length

// Longest words first, so "{column}: a description is longer than {max} characters" is tried
// before the catch-all "{column}: {reason}".
const templates = once((): Template[] =>
  TEMPLATE_KEYS.map(templateOf)
    .map((template) => ({ template, words: wordsLength(template) }))
    .sort((a, b) => b.words - a.words)
    .map(({ template }) => template)
)

/** How fillKnown writes a number ("5,000"), read back as a number, so Intl writes it in the chosen language. */
const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/
// The first number format a page makes loads the locale's data: not while the first screen loads.
const enNumber = once(() => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 20 }))

/**
 * An English refusal with its values filled in, for layers below the interface (storage, sync,
 * the CSV rules), which write English: the interface reads it back with translateKnown.
 */
export const fillKnown = (key: KnownTemplateKey, values: Readonly<Record<string, string | number>>): string =>
  en[key].replace(/\{(\w+)(?:, number)?\}/g, (_, name: string) => {
    const value = values[name]
    return typeof value === 'number' ? enNumber().format(value) : (value ?? '')
  })

const translateTemplate = (tr: Translate, text: string, depth: number): string | null => {
  if (text.length > MAX_MATCHED_LENGTH) return null
  for (const template of templates()) {
    const match = template.pattern.exec(text)
    // A count that is not a number was not written by fillKnown: the sentence is not this one.
    if (!match || template.names.some(({ numeric }, i) => numeric && !NUMBER.test(match[i + 1] as string))) continue
    const values: Record<string, string | number> = {}
    template.names.forEach(({ name, numeric }, i) => {
      const raw = match[i + 1] as string
      if (name in values) return
      if (numeric) values[name] = Number(raw.replace(/,/g, ''))
      else values[name] = NESTED.has(name) && depth < MAX_NESTING ? translateAt(tr, raw, depth + 1) : raw
    })
    return tr(template.key, values as MessageValues)
  }
  return null
}

const translateAt = (tr: Translate, text: string, depth: number): string => {
  const key = keyByEnglish().get(text)
  if (key) return tr(key)
  return translateTemplate(tr, text, depth) ?? text
}

/**
 * A fixed English sentence made below the interface (a schema's refusal, a relay or storage
 * problem, a file's refusal with its size or line) in the current language. Those layers take
 * their words from the English catalogue, so the sentence names its key, and its values are
 * read back: numbers go to Intl again, a nested reason is translated too. A sentence the
 * catalogue does not hold (a browser's own error) is shown as it came.
 */
export const translateKnown = (tr: Translate, text: string): string => translateAt(tr, text, 0)
