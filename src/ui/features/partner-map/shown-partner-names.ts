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
  return {
    ...partner,
    name: partner.name || t('partners.unnamed'),
    ...(partner.contacts && unnamedContact
      ? { contacts: partner.contacts.map((contact) => (contact.name ? contact : { ...contact, name: t('partners.contacts.unnamed') })) }
      : {})
  }
}
