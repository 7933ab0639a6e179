import { afterEach, describe, expect, it } from 'vitest'
import { editableName, withShownNames } from '../../../src/ui/features/partner-map/shown-partner-names'
import { setLocale } from '../../../src/ui/i18n/current-locale'
import type { Contact } from '../../../src/domain/partner'

const contact = (name: string, jobTitle = ''): Contact => ({ id: 'c1', name, jobTitle, email: '', phone: '', createdAt: 1 }) as Contact

/**
 * A partner or contact whose record has no name is shown as "Unnamed partner" / "Partner heb
 * enw". Opening it to edit used to fill the name field with those words, so saving any other
 * field stored them as its name, in whichever language the editor happened to use.
 */
describe('a partner shown without a stored name', () => {
  afterEach(() => setLocale('en'))

  it('is shown by the interface’s words, and edited as the empty name it has', () => {
    setLocale('cy')
    const shown = withShownNames({ name: '', contacts: [contact('', 'Clerc')] })
    expect(shown.name).toBe('Partner heb enw')
    expect(shown.contacts![0]!.name).toBe('Cyswllt heb enw')
    expect(editableName(shown)).toBe('')
    expect(editableName(shown.contacts![0]!)).toBe('')
  })

  it('keeps a stored name, even one that reads like the interface’s words', () => {
    const named = withShownNames({ name: 'Unnamed partner', contacts: [contact('')] })
    expect(named.name).toBe('Unnamed partner')
    expect(editableName(named)).toBe('Unnamed partner')
    expect(editableName(named.contacts![0]!)).toBe('')
    const plain = { name: 'Age UK' }
    expect(withShownNames(plain)).toBe(plain)
    expect(editableName(plain)).toBe('Age UK')
  })
})
