import { afterEach, describe, expect, it } from 'vitest'
import { translateKnown } from '../../../src/domain/i18n/known-text'
import { storageProblemsEn } from '../../../src/domain/i18n/areas/storage.en'
import { formatDateIn } from '../../../src/domain/i18n/format-date'
import { automaticVersionName } from '../../../src/domain/version'
import { checkpointRestoreDetail, checkpointTimeOf } from '../../../src/domain/checkpoint-restore-name'
import { blockedProblem } from '../../../src/storage/storage-problem'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'
import { setLocale } from '../../../src/ui/i18n/current-locale'
import { describeKept } from '../../../src/ui/features/recovery/describe-recovery'
import { makeGraphPicture } from '../../../src/ui/features/partner-map/graph-export'
import { makeColouring } from '../../../src/ui/features/partner-map/graph-colours'
import { versionName } from '../../../src/ui/features/versions/version-name'
import { makePartner } from '../partners/support'
import { shortText } from '../../../src/ui/features/board/board-context'
import { partnerPictureEn } from '../../../src/domain/i18n/areas/partner-picture.en'

/**
 * Issue 16 (#12): the last English left when Welsh was chosen: a workspace open in another tab,
 * a checkpoint's size under 1 KB, the partner map picture's subtitle and legend, and the
 * version saved before restoring a checkpoint.
 */
const cy = makeTranslator('cy')
const en = makeTranslator('en')

describe('a workspace open in another tab', () => {
  it('is said in Welsh, with the workspace’s name as written', () => {
    const problem = blockedProblem('“Lab Caerdydd”')
    expect(translateKnown(cy, problem.message)).toBe('Mae “Lab Caerdydd” ar agor mewn tab neu ffenestr arall. Caewch ef yno, yna rhowch gynnig arall arni.')
    expect(translateKnown(en, problem.message)).toBe(problem.message)
  })

  it('says in Welsh that the workspace was deleted or repaired in another tab', () => {
    expect(translateKnown(cy, storageProblemsEn['storageProblem.deletedElsewhere'])).toBe(
      'Cafodd y gweithle hwn ei ddileu mewn tab neu ffenestr arall. Ni chaiff dim mwy ei gadw yma.'
    )
    expect(translateKnown(cy, storageProblemsEn['storageProblem.repairedElsewhere'])).toMatch(/^Cafodd y gweithle hwn ei atgyweirio/)
  })
})

describe('the checkpoints’ size', () => {
  it('says bytes in Welsh under 1 KB', () => {
    expect(describeKept(cy, 'cy', [{ bytes: 500, reason: 'open' }, { bytes: 300, reason: 'activity' }])).toBe('Wedi’u cadw ar y ddyfais hon: 2 bwynt gwirio, 800 beit.')
    expect(describeKept(en, 'en', [{ bytes: 800, reason: 'open' }])).toBe('Kept on this device: 1 checkpoint, 800 bytes.')
  })
})

describe('the partner map picture', () => {
  const partners = [
    makePartner('Cyngor Caerdydd', { type: 'council', region: 'Wales & Midlands' }),
    makePartner('Prifysgol Abertawe', { type: 'university' }),
    makePartner('Oldham Council', { type: 'council' })
  ]
  const snapshot = (colourBy: 'type' | 'region') => ({
    title: 'Partneriaid',
    partners,
    relationships: [],
    position: () => ({ x: 0, y: 0, radius: 10 }),
    colouring: makeColouring(colourBy, partners),
    colourBy
  })
  const at = new Date(2026, 5, 5, 12)

  it('has a Welsh subtitle, legend title and legend when Welsh is chosen', () => {
    const picture = makeGraphPicture(snapshot('type'), { tr: cy, locale: 'cy' }, at)
    expect(picture.subtitle).toBe(`3 partner a 0 perthynas · ${formatDateIn(at, 'long', 'cy')}`)
    expect(picture.subtitle).toContain('Mehefin')
    expect(picture.legendTitle).toBe('Math o bartner')
    expect(picture.legend.map((e) => e.label)).toEqual([cy('partners.type.council'), cy('partners.type.university')])
    expect(picture.legend[0]?.label).not.toBe('Council')
  })

  it('names regions as written, and the map’s own “no region” in Welsh', () => {
    const picture = makeGraphPicture(snapshot('region'), { tr: cy, locale: 'cy' }, at)
    expect(picture.legendTitle).toBe('Rhanbarth')
    expect(picture.legend.map((e) => e.label)).toEqual(['Wales & Midlands', cy('partners.graph.noRegion')])
  })

  it('reads as before in English', () => {
    const picture = makeGraphPicture(snapshot('type'), { tr: en, locale: 'en' }, at)
    expect(picture.subtitle).toBe('3 partners and 0 relationships · 5 June 2026')
    expect(picture.legendTitle).toBe('Type of partner')
  })
})

describe('the version saved before restoring a checkpoint', () => {
  afterEach(() => setLocale('en'))
  const at = new Date(2026, 8, 14, 9, 5).getTime()
  const version = { name: automaticVersionName('before-restore', at + 60_000, checkpointRestoreDetail(at)), kind: 'before-restore' as const, createdAt: at + 60_000 }

  it('is named in the chosen language, with the checkpoint’s time in that language', () => {
    setLocale('en')
    expect(versionName(version)).toBe(`Before restoring the workspace as it was at ${formatDateIn(at, 'medium-time', 'en')}`)
    setLocale('cy')
    expect(versionName(version)).toBe(`Cyn adfer y gweithle fel yr oedd am ${formatDateIn(at, 'medium-time', 'cy')}`)
    expect(versionName(version)).not.toContain('workspace')
  })

  it('reads back the time stored by earlier builds, and nothing that is not a time', () => {
    expect(checkpointTimeOf('the workspace as it was at 14 Sept 2026, 09:05')).toBe(at)
    expect(checkpointTimeOf(checkpointRestoreDetail(at))).toBe(at)
    expect(checkpointTimeOf('the workspace as it was at 31 Feb 2026, 09:05')).toBeNull()
    expect(checkpointTimeOf('the workspace as it was at 14 Sep 2026, 25:05')).toBeNull()
    expect(checkpointTimeOf('the workspace as it was earlier')).toBeNull()
  })
})

describe('a board note without text, and a partner map picture that cannot be drawn', () => {
  afterEach(() => setLocale('en'))

  it('names an empty note in Welsh', () => {
    setLocale('cy')
    expect(shortText('   ')).toBe('Nodyn gwag')
    expect(shortText('Mwy o fannau gwyrdd')).toBe('Mwy o fannau gwyrdd')
  })

  it('says in Welsh that the picture could not be drawn', () => {
    expect(translateKnown(cy, partnerPictureEn['partners.picture.notDrawn'])).toBe('Nid oedd modd llunio llun y graff')
  })
})
