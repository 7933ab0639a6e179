import { IntlMessageFormat } from 'intl-messageformat'

/** The kinds of argument an ICU message uses, by name, read from its parsed form (the public AST). */
type Kind = 'text' | 'number' | 'date' | 'select' | 'plural'

// The parser's element types (see @formatjs/icu-messageformat-parser TYPE).
const KINDS: Record<number, Kind | undefined> = { 1: 'text', 2: 'number', 3: 'date', 4: 'date', 5: 'select', 6: 'plural' }

interface Element {
  type: number
  value?: unknown
  options?: Record<string, { value: Element[] }>
  children?: Element[]
}

const walk = (elements: Element[], visit: (element: Element) => void): void => {
  for (const element of elements) {
    visit(element)
    for (const option of Object.values(element.options ?? {})) walk(option.value, visit)
    if (element.children) walk(element.children, visit)
  }
}

const parse = (message: string, locale: string): Element[] =>
  new IntlMessageFormat(message, locale).getAst() as unknown as Element[]

export const messageArguments = (message: string, locale: string): Record<string, Kind> => {
  const found: Record<string, Kind> = {}
  walk(parse(message, locale), (element) => {
    const kind = KINDS[element.type]
    if (kind && typeof element.value === 'string') found[element.value] = kind
  })
  return found
}

/** For each plural in the message, the forms it gives (sorted; "=0" style exact forms left out). */
export const pluralCategories = (message: string, locale: string): string[][] => {
  const found: string[][] = []
  walk(parse(message, locale), (element) => {
    if (KINDS[element.type] === 'plural') found.push(Object.keys(element.options ?? {}).filter((k) => !k.startsWith('=')).sort())
  })
  return found
}
