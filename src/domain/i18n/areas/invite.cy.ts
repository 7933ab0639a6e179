import type { inviteEn } from './invite.en'

/** Gwahodd: inviting people to a workspace, in Welsh. */
export const inviteCy: Readonly<Record<keyof typeof inviteEn, string>> = {
  'invite.button': 'Gwahodd pobl',
  'invite.intro': 'Gall unrhyw un sydd â’r ddolen hon ymuno â “{name}”, gweld popeth sydd ynddo a’i newid. Anfonwch hi at bobl yn eich labordy yn unig, mewn neges breifat, neu gadewch iddynt sganio’r cod.',
  'invite.thisWorkspace': 'y gweithle hwn',
  'invite.making': 'Yn gwneud y ddolen…',
  'invite.link': 'Dolen wahodd',
  'invite.copy': 'Copïo’r ddolen',
  'invite.copied': 'Dolen wedi’i chopïo.',
  'invite.copyByHand': 'Pwyswch Ctrl+C (neu ⌘C) i gopïo’r ddolen sydd wedi’i dewis.',
  'invite.qr': 'Cod QR y ddolen wahodd',
  'invite.scan': 'Sganiwch gyda chamera ffôn neu lechen i agor yr un ddolen.',
  'invite.keyHint': 'Mae’r ddolen yn dal allwedd y gweithle hwn ar ôl y “#”, rhan o gyfeiriadau gwe nad yw porwyr byth yn ei hanfon i unrhyw weinydd. Ni all neb ymuno hebddi.',
  'invite.close': 'Cau'
}
