import { toBase64Url } from '../domain/base64url'
import {
  INVITE_CHECK_BYTES,
  INVITE_CHECK_PREFIX,
  signedInvitePart,
  splitInvitePayload,
  type Invite,
  type InviteProblem
} from '../domain/invite'
import { sha256 } from './digest'

const inviteCheck = async (signed: string): Promise<string> =>
  toBase64Url((await sha256(INVITE_CHECK_PREFIX + signed)).slice(0, INVITE_CHECK_BYTES))

/** The part after `#/join/`. */
export const makeInvitePayload = async (invite: Invite): Promise<string> => {
  const signed = signedInvitePart(invite)
  return `${signed}.${await inviteCheck(signed)}`
}

/**
 * The full invitation link for the app at `appUrl` (its address without any fragment). All of
 * the invitation is in the fragment, which the browser keeps to itself.
 */
export const makeInviteLink = async (appUrl: string, invite: Invite): Promise<string> => {
  const base = new URL(appUrl)
  base.hash = ''
  base.search = ''
  return `${base.toString()}#/join/${await makeInvitePayload(invite)}`
}

export type ReadInvite = { ok: true; invite: Invite } | { ok: false; problem: InviteProblem }

/** Reads an invitation from the text after `#/join/`; nothing is trusted before the check. */
export const readInvitePayload = async (payload: string): Promise<ReadInvite> => {
  const split = splitInvitePayload(payload)
  if (!split.ok) return split
  if ((await inviteCheck(split.signed)) !== split.check) return { ok: false, problem: 'altered' }
  return { ok: true, invite: split.invite }
}
