/** Inviting people to a workspace, in English (Welsh: invite.cy.ts). */
export const inviteEn = {
  'invite.button': 'Invite people',
  'invite.intro': 'Anyone with this link can join “{name}”, see everything in it and change it. Send it only to people in your lab, in a private message, or let them scan the code.',
  'invite.thisWorkspace': 'this workspace',
  'invite.making': 'Making the link…',
  'invite.link': 'Invitation link',
  'invite.copy': 'Copy link',
  'invite.copied': 'Link copied.',
  'invite.copyByHand': 'Press Ctrl+C (or ⌘C) to copy the selected link.',
  'invite.qr': 'QR code of the invitation link',
  'invite.scan': 'Scan with a phone or tablet camera to open the same link.',
  'invite.keyHint': 'The link holds this workspace’s key after the “#”, a part of web addresses that browsers never send to any server. Nobody can join without it.',
  'invite.close': 'Close'
} as const
