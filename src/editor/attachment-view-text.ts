import type { AttachmentRef } from '../domain/attachments/attachment'
import { INTL_TAGS } from '../domain/i18n/locale'
import { en } from '../domain/i18n/messages-en'
import { formatBytes } from '../domain/storage-health'
import { ENGLISH_TEXT, type InterfaceWords } from './interface-text'

/*
 * The fixed words in a photo's or file's frame inside the text: "Alt text missing", the alt
 * text button, "Loading photo…", the file's size, in the interface's language (interface-text.ts).
 * The frame's messages take only plain {arguments}, no plurals, so English needs no translator.
 */

export interface AttachmentViewText {
  /** The BCP 47 tag of these words, for the frame's `lang` (the person's alt text is marked apart). */
  lang: string
  /** The photo's name for screen readers: its alt text, or that it has none. */
  photoLabel: string
  loading: string
  photoNotHere: string
  altMissing: string
  altButton: string
  /** "minutes.pdf (2.0 KB)" */
  fileLabel: string
  fileNotHere: string
}

/** Every word a frame shows for this reference, in the interface language. */
export const attachmentViewText = (ref: AttachmentRef, text: InterfaceWords | null): AttachmentViewText => {
  const { translate: tr, locale } = text ?? ENGLISH_TEXT
  const l = locale()
  const missingAlt = ref.alt.trim() === ''
  return {
    lang: INTL_TAGS[l],
    photoLabel: missingAlt ? tr('attachments.photoAltMissing') : ref.alt,
    loading: tr('attachments.loadingPhoto'),
    photoNotHere: tr('attachments.photoNotHere'),
    altMissing: tr('attachments.altMissing'),
    altButton: tr(missingAlt ? 'attachments.addAlt' : 'attachments.editAlt'),
    fileLabel: tr('attachments.fileLink', { name: ref.name, size: formatBytes(ref.size, l) }),
    fileNotHere: tr('attachments.fileNotHere')
  }
}

/** For a node whose reference cannot be read. */
export const unreadableAttachmentText = (text: InterfaceWords | null): { lang: string; text: string } => {
  const { translate: tr, locale } = text ?? ENGLISH_TEXT
  return { lang: INTL_TAGS[locale()], text: tr('attachments.unreadable') }
}

/** What a copy of the node holds as text (clipboard HTML): always the English words, as the stored document's are. */
export const ALT_MISSING = en['attachments.altMissing']
