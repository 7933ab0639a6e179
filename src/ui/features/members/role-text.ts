import type { MessageKey } from '../../../domain/i18n/catalogue'
import type { Role } from '../../../domain/trust/roles'
import { t } from '../../i18n/t'

const NAME: Readonly<Record<Role, MessageKey>> = {
  viewer: 'role.viewer',
  commenter: 'role.commenter',
  editor: 'role.editor',
  owner: 'role.owner'
}
const SUMMARY: Readonly<Record<Role, MessageKey>> = {
  viewer: 'role.viewer.summary',
  commenter: 'role.commenter.summary',
  editor: 'role.editor.summary',
  owner: 'role.owner.summary'
}

/** A role's name in the current language. */
export const roleName = (role: Role): string => t(NAME[role])

/** What a role allows, in a sentence. */
export const roleSummary = (role: Role): string => t(SUMMARY[role])

/** A role's name with what it allows, as a role picker lists it. */
export const roleWithSummary = (role: Role): string => `${roleName(role)}: ${roleSummary(role)}`
