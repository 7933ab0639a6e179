/** Adding photos and files to notes, in English (Welsh: attachments.cy.ts). */
export const attachmentsEn = {
  'attachments.addPhoto': 'Add photo',
  'attachments.attachFile': 'Attach file',
  'attachments.photoInput': 'Photo to add',
  'attachments.fileInput': 'File to attach',
  'attachments.limits': 'Up to {perFile} a file, {perWorkspace} for the workspace on this device. Photos are made smaller and their location data removed.',
  'attachments.tooMany': 'Add up to {max} files at a time.',
  'attachments.adding': '{count, plural, one {Adding the file…} other {Adding # files…}}',
  'attachments.added': '{count, plural, one {Added.} other {Files added.}}',
  'attachments.altSaved': 'Alt text saved.',
  'attachments.altStillMissing': 'The photo still has no alt text.',
  'attachments.describe': 'Describe this photo',
  'attachments.alt': 'Alt text',
  'attachments.altHint': 'What the photo shows, for people who cannot see it. For example: the community centre’s entrance, with a step and no ramp.',
  'attachments.saveAlt': 'Save alt text',
  'attachments.later': 'Later',
  // Problems with a photo (app/attachments/prepare-photo.ts uses these same words)
  'attachments.problem.undecodable': 'This image could not be opened. It may be damaged, or in a format this browser cannot read (such as HEIC): try saving it as JPEG. Nothing was added.',
  'attachments.problem.failed': 'This photo could not be made ready. Nothing was added.',
  'attachments.problem.tooSlow': 'This photo took too long to make ready. Nothing was added.'
} as const
