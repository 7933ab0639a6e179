import { describe, expect, it } from 'vitest'
import { describeAttachmentProblem } from '../../../src/domain/attachments/attachment-problem'
import { checkAttachmentSize, MAX_ATTACHMENT_BYTES, MAX_WORKSPACE_ATTACHMENT_BYTES } from '../../../src/domain/attachments/limits'
import { attachmentsEn } from '../../../src/domain/i18n/areas/attachments.en'
import { formatBytes } from '../../../src/domain/storage-health'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'

/**
 * Issue 16 (#12): a refused photo or file is explained in the person's language, with its
 * figures written that way. Before, the refusal was an English sentence built below the
 * interface, so a Welsh interface showed "This file is 25 MB; files can be up to 20 MB."
 */
const en = makeTranslator('en')
const cy = makeTranslator('cy')

describe('why a photo or file was not added', () => {
  it('gives the sizes of a file over the limit, in English and in Welsh', () => {
    const tooBig = checkAttachmentSize(25_300_000, 0)!
    expect(describeAttachmentProblem(tooBig, en, 'en')).toBe('This file is 25 MB; files can be up to 20 MB.')
    expect(describeAttachmentProblem(tooBig, cy, 'cy')).toBe('Mae’r ffeil hon yn 25 MB; gall ffeil fod hyd at 20 MB.')
  })

  it('gives the workspace’s limit and what is used of it', () => {
    const full = checkAttachmentSize(MAX_ATTACHMENT_BYTES, MAX_WORKSPACE_ATTACHMENT_BYTES - 1_500_000)!
    expect(describeAttachmentProblem(full, cy, 'cy')).toBe('Byddai atodiadau’r gweithle yn mynd dros 500 MB ar y ddyfais hon (499 MB wedi’u defnyddio). Tynnwch rai yn gyntaf.')
    expect(describeAttachmentProblem(full, en, 'en')).toBe('The workspace’s attachments would pass 500 MB on this device (499 MB used). Remove some first.')
  })

  it('names a file whose bytes are not what its name says, and what they are', () => {
    expect(describeAttachmentProblem({ kind: 'not-what-it-says', name: 'minutes.pdf', found: 'PNG' }, cy, 'cy')).toBe(
      'Nid yw minutes.pdf yr hyn y mae ei henw’n ei ddweud (ffeil PNG yw ei chynnwys). Ni ychwanegwyd dim.'
    )
    expect(describeAttachmentProblem({ kind: 'not-what-it-says', name: 'minutes.pdf', found: null }, en, 'en')).toBe(
      'minutes.pdf is not what its name says (its contents are not recognised). Nothing was added.'
    )
    expect(describeAttachmentProblem({ kind: 'not-what-it-says', name: '', found: null }, cy, 'cy')).toContain('Nid yw’r ffeil hon')
  })

  it('refuses a type Mutual does not attach, with or without a name', () => {
    expect(describeAttachmentProblem({ kind: 'not-accepted', name: 'setup.exe' }, cy, 'cy')).toMatch(/^Nid yw setup\.exe yn fath o ffeil/)
    expect(describeAttachmentProblem({ kind: 'not-accepted', name: '' }, en, 'en')).toMatch(/^This file is not a type Mutual can attach/)
  })

  it('through “Add photo”, names the image types it takes, not the files only “Attach file” takes', () => {
    // QA: a .exe chosen through "Add photo" was told to attach PDFs, office documents or text files.
    const exe = { kind: 'not-accepted', name: 'setup.exe' } as const
    expect(describeAttachmentProblem(exe, en, 'en', 'photo')).toBe('setup.exe is not a photo Mutual can add. Choose a JPEG, PNG, WebP or GIF image.')
    expect(describeAttachmentProblem(exe, cy, 'cy', 'photo')).toBe('Nid yw setup.exe yn llun y gall Mutual ei ychwanegu. Dewiswch ddelwedd JPEG, PNG, WebP neu GIF.')
    expect(describeAttachmentProblem({ kind: 'not-accepted', name: '' }, en, 'en', 'photo')).toBe(
      'This file is not a photo Mutual can add. Choose a JPEG, PNG, WebP or GIF image.'
    )
    // The general way to attach keeps its own list.
    expect(describeAttachmentProblem(exe, en, 'en', 'any')).toMatch(/PDFs, office documents, or text files\.$/)
  })

  it('says a photo’s own problem in Welsh, and a browser’s words as they came', () => {
    expect(describeAttachmentProblem({ kind: 'said', message: attachmentsEn['attachments.problem.tooSlow'] }, cy, 'cy')).toBe(
      'Cymerodd y llun hwn ormod o amser i’w baratoi. Ni ychwanegwyd dim.'
    )
    expect(describeAttachmentProblem({ kind: 'said', message: 'QuotaExceededError' }, cy, 'cy')).toBe('QuotaExceededError')
  })
})

describe('file sizes', () => {
  it('write bytes as "beit" in Welsh and the figure through Intl', () => {
    expect(formatBytes(999, 'cy')).toBe('999 beit')
    expect(formatBytes(999, 'en')).toBe('999 bytes')
    expect(formatBytes(1536, 'cy')).toBe('1.5 KB')
    expect(formatBytes(3e15, 'cy')).toBe('3,000 TB')
  })
})
