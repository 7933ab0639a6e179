import type { RefusalReason } from './change-decision'

/**
 * What this device tells its person about one of its own changes that has not reached the
 * others: refused by another device (and why), or too large to send at all. Kept as data, not
 * words, so the interface says it in the chosen language (members.*.ts: `members.notice.*`).
 */
export type TrustNotice =
  | { kind: 'refused'; reason: RefusalReason | 'bad-signature' }
  | { kind: 'unsent'; bytes: number; largest: number }
