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
  'attachments.problem.tooSlow': 'This photo took too long to make ready. Nothing was added.',
  // Refusals, with the figures and the name (domain/attachments/attachment-problem.ts)
  'attachments.problem.tooLarge': 'This file is {size}; files can be up to {max}.',
  'attachments.problem.workspaceFull': 'The workspace’s attachments would pass {max} on this device ({stored} used). Remove some first.',
  'attachments.problem.notAccepted': '{name} is not a type Mutual can attach. Attach photos (JPEG, PNG, WebP, GIF), PDFs, office documents, or text files.',
  'attachments.problem.notAcceptedUnnamed': 'This file is not a type Mutual can attach. Attach photos (JPEG, PNG, WebP, GIF), PDFs, office documents, or text files.',
  // The same refusal through "Add photo", which offers only images
  'attachments.problem.notAPhoto': '{name} is not a photo Mutual can add. Choose a JPEG, PNG, WebP or GIF image.',
  'attachments.problem.notAPhotoUnnamed': 'This file is not a photo Mutual can add. Choose a JPEG, PNG, WebP or GIF image.',
  'attachments.problem.mismatch': '{name} is not what its name says (its contents are {found, select, unknown {not recognised} other {a {found} file}}). Nothing was added.',
  'attachments.problem.mismatchUnnamed': 'This file is not what its type says (its contents are {found, select, unknown {not recognised} other {a {found} file}}). Nothing was added.',
  // Inside the text: a photo's or file's frame (editor/attachment-view-text.ts)
  'attachments.altMissing': 'Alt text missing',
  'attachments.photoAltMissing': 'Photo: alt text missing',
  'attachments.loadingPhoto': 'Loading photo…',
  'attachments.photoNotHere': 'This photo is not on this device yet. It arrives when a device that has it is connected.',
  'attachments.addAlt': 'Add alt text',
  'attachments.editAlt': 'Edit alt text',
  'attachments.fileLink': '{name} ({size})',
  'attachments.fileNotHere': 'Not on this device yet: it arrives when a device that has it is connected.',
  'attachments.unreadable': 'An attachment that cannot be shown.',
  // Storage on this device
  'attachments.storage': 'Photos and attached files take {size} of it.'
} as const
