import { describe, expect, it } from 'vitest'
import { fileProblemsEn } from '../../../src/domain/i18n/areas/file-problems.en'
import { fillKnown, translateKnown } from '../../../src/domain/i18n/known-text'
import { readBackup } from '../../../src/storage/backup'
import { sealWithPassphrase } from '../../../src/storage/passphrase-envelope'
import { CHANGES_FILE_PROBLEM_TEXT, encodeChangesFile, openChangesFile } from '../../../src/sync/changes-file'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'
import { parsePartnerCsv } from '../../../src/ui/features/partner-map/partner-csv-file'

/**
 * Issue 16 (#12): a backup, workspace file, changes file or CSV file that Mutual refuses was
 * refused in English while the app was in Welsh, because the storage, sync and CSV layers write
 * English. Their words are now the English catalogue's, read back into the chosen language,
 * with their numbers through Intl and their nested reasons translated too.
 */
const cy = makeTranslator('cy')
const en = makeTranslator('en')
const welsh = (text: string): string => translateKnown(cy, text)
const noMap = { partners: [], relationships: [] }

describe('refusals of backups and workspace files, in Welsh', () => {
  it('says a file that is not Mutual’s is not a workspace file', async () => {
    const read = await readBackup(new TextEncoder().encode('Meeting notes, not a backup'), null)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(welsh(read.message)).toBe('Nid ffeil gweithle Mutual yw hon.')
  })

  it('says the passphrase is wrong', async () => {
    const sealed = await sealWithPassphrase(new Uint8Array([1, 2, 3]), 'correct horse battery', 1000)
    const read = await readBackup(sealed, 'wrong passphrase')
    if (read.ok) throw new Error('a wrong passphrase opened the backup')
    expect(welsh(read.message)).toBe('Mae’r cyfrinymadrodd yn anghywir, neu mae’r ffeil copi wrth gefn wedi’i difrodi.')
  })

  it('gives the size limit as a number, written by Intl', () => {
    const english = fillKnown('fileProblem.workspace.tooLarge', { megabytes: 1024 })
    expect(english).toBe('This file is larger than 1,024 MB, too large to be a Mutual workspace file.')
    expect(welsh(english)).toBe('Mae’r ffeil hon yn fwy na 1,024 MB, yn rhy fawr i fod yn ffeil gweithle Mutual.')
    expect(translateKnown(en, english)).toBe(english)
  })
})

describe('refusals of changes files, in Welsh', () => {
  it('says a changes file is too large, with its limit', () => {
    expect(welsh(CHANGES_FILE_PROBLEM_TEXT['too-large'])).toBe('Mae’r ffeil hon yn fwy na 64 MB, yn rhy fawr i fod yn ffeil newidiadau. Ni newidiwyd dim.')
  })

  it('says a changes file belongs to another workspace', async () => {
    const secret = makeWorkspaceSecret()
    const file = await encodeChangesFile(new Uint8Array([0, 0]), makeWorkspaceId(), secret)
    const opened = await openChangesFile(file, makeWorkspaceId(), secret)
    if (opened.ok) throw new Error('another workspace’s file opened')
    expect(welsh(CHANGES_FILE_PROBLEM_TEXT[opened.problem])).toBe('Mae’r ffeil newidiadau hon yn perthyn i weithle gwahanol. Ni newidiwyd dim.')
  })

  it('translates the reason inside a refusal too', () => {
    const english = fillKnown('fileProblem.changes.notMerged', { reason: fileProblemsEn['fileProblem.workspace.readOnly'] })
    expect(welsh(english)).toBe('Ni newidiwyd dim: Nid oedd modd darllen rhan o ddata cadw’r gweithle hwn, felly mae ar agor i’w ddarllen yn unig.')
    // A browser's own words are shown as they came.
    expect(welsh('Nothing was changed: QuotaExceededError')).toBe('Ni newidiwyd dim: QuotaExceededError')
  })
})

describe('refusals of CSV files and their rows, in Welsh', () => {
  it('refuses a file without the columns, naming the column as the file must', () => {
    const parsed = parsePartnerCsv('Thing,Colour\nOldham,Blue\n', noMap)
    if (parsed.ok) throw new Error('a file without an Organisation column was read')
    expect(welsh(parsed.message)).toMatch(/^Rhaid i’r llinell gyntaf enwi’r colofnau, gan gynnwys “Organisation”/)
  })

  it('gives each bad row its line and a Welsh reason, keeping the cell as written', () => {
    const parsed = parsePartnerCsv('Organisation,Type\nOldham Council,Council\nWigan,Spaceship 1234\n', noMap)
    if (!parsed.ok || parsed.kind !== 'partners') throw new Error('not read as partners')
    expect(parsed.plan.problems.map((p) => p.line)).toEqual([3])
    const reason = welsh(parsed.plan.problems[0]?.reasons[0] ?? '')
    expect(reason).toMatch(/^Type “Spaceship 1234”: nid yw’n un o: /)
  })

  it('says in Welsh that two or three partners share a name', () => {
    const partners = ['a', 'b', 'c'].map((id) => ({ id, name: 'Oldham Council' })) as never[]
    const parsed = parsePartnerCsv('From,Relationship,To\nOldham Council,funds,Wigan\n', { partners, relationships: [] })
    if (!parsed.ok || parsed.kind !== 'relationships') throw new Error('not read as relationships')
    const reasons = parsed.plan.problems[0]?.reasons.map(welsh) ?? []
    expect(reasons).toContain('Mae 3 o bartneriaid o’r enw “Oldham Council”: ailenwch un fel y gall y rhes ddweud pa un')
    expect(reasons).toContain('Nid oes partner o’r enw “Wigan” ar y map: ychwanegwch ef yn gyntaf')
  })

  it('reads a row limit back as a number, and leaves very long text as it came', () => {
    expect(welsh(fillKnown('csvProblem.tooManyRows', { rows: 5000 }))).toBe('Mae gan y ffeil fwy na 5,000 rhes. Rhannwch hi’n ffeiliau llai.')
    expect(welsh('Organisation: Use 80 characters or fewer')).toBe('Organisation: Defnyddiwch 80 nod neu lai')
    // Not a count, so not a sentence Mutual wrote: shown as it came.
    expect(welsh('The file has more than many rows. Split it into smaller files.')).toBe('The file has more than many rows. Split it into smaller files.')
    const long = `Organisation: ${'x'.repeat(5000)}`
    expect(welsh(long)).toBe(long)
  })
})
