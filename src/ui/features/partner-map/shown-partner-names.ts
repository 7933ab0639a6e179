import type { Contact } from '../../../domain/partner'
import { t } from '../../i18n/t'

/**
 * A partner as the interface shows it: a partner or contact whose record has no name (the
 * document holds "" for it) is called "Unnamed partner" / "Unnamed contact" in the reader's
 * language, never in words stored in the document. A partner with its names is returned as it
 * is, so lists keyed by identity keep their rows. Call inside a memo or JSX: it follows the
 * language.
 */
export const withShownNames = <P extends { name: string; contacts?: readonly Contact[] }>(partner: P): P => {
  const unnamedContact = partner.contacts?.some((contact) => !contact.name) ?? false
  if (partner.name && !unnamedContact) return partner
  const shown = {
    ...partner,
    name: partner.name || t('partners.unnamed'),
    ...(partner.contacts && unnamedContact
      ? { contacts: partner.contacts.map((contact) => (contact.name ? contact : placeholder({ ...contact, name: t('partners.contacts.unnamed') }))) }
      : {})
  }
  return partner.name ? shown : placeholder(shown)
}

/** Records whose name is the interface's "Unnamed …", not a stored one. */
const placeholders = new WeakSet<object>()

const placeholder = <R extends object>(record: R): R => {
  placeholders.add(record)
  return record
}

/**
 * The name a form edits for a partner or contact shown by `withShownNames`: "" where the shown
 * name is the interface's "Unnamed …", so saving the form never stores those words as a name.
 */
export const editableName = (record: { name: string }): string => (placeholders.has(record) ? '' : record.name)
