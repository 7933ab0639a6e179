import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { artifactBody, createArtifact, moveArtifactToBin } from '../../../src/crdt/artifacts'
import { addPlanRow, removePlanRow, setEvidenceLink, updatePlanRow } from '../../../src/crdt/lab-plan-rows'
import { readOutcomeCitation } from '../../../src/crdt/outcome-citation'
import { citationsAsText } from '../../../src/editor/citations-as-text'
import { bodyHtml } from '../../../src/editor/export/html'
import { inlineMarkdown } from '../../../src/editor/export/markdown'
import { inlineRuns } from '../../../src/editor/export/document-json'
import { citationText } from '../../../src/domain/lab-plan/outcome-citation'
import type { PlanRowId } from '../../../src/domain/lab-plan/plan-ids'
import { englishText } from '../../../src/domain/i18n/english-text'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'
import { addPartner, createPartnerMap } from '../../../src/crdt/partner-map'
import { makeExportDocument } from '../../../src/ui/features/export/export-source'
import { setLocale } from '../../../src/ui/i18n/current-locale'
import { asha, newPlan } from './support'

const english = makeTranslator('en')
const welsh = makeTranslator('cy')

const setUp = () => {
  const { doc, planId } = newPlan()
  const outcomeId = addPlanRow(doc, planId, 'outcomes', { title: 'Residents shape warm homes support', status: 'at-risk' }, asha, 3) as PlanRowId
  const measureId = addPlanRow(doc, planId, 'measures', { outcomeId, what: 'Interview feedback', target: '30 interviews', latestValue: '12 interviews', latestDate: '2027-01-10' }, asha, 4) as PlanRowId
  return { doc, planId, outcomeId, measureId }
}

describe('citing a lab plan outcome from a report', () => {
  afterEach(() => setLocale('en'))

  it('reads the outcome, its measure and its evidence as they are now', () => {
    const { doc, planId, outcomeId, measureId } = setUp()
    const note = createArtifact(doc, { kind: 'note', title: 'Workshop 1' }, asha, 5)
    setEvidenceLink(doc, planId, 'outcomes', outcomeId, note, 'artifact', asha, 6)
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, measureId), english, 'en')).toBe(
      'Lab plan outcome: Residents shape warm homes support (At risk). Measured by Interview feedback, target 30 interviews, latest 12 interviews on 10 January 2027. Evidence: Note: Workshop 1'
    )
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, ''), english, 'en')).toBe('Lab plan outcome: Residents shape warm homes support (At risk). Evidence: Note: Workshop 1')

    updatePlanRow(doc, planId, 'outcomes', outcomeId, { title: 'Residents lead warm homes support', status: 'achieved' }, asha, 7)
    moveArtifactToBin(doc, note, asha, 8)
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, ''), english, 'en')).toBe('Lab plan outcome: Residents lead warm homes support (Achieved)')
  })

  it('writes the measure’s date as the interface writes dates, in English and Welsh, leaving the plan’s stored date as it was', () => {
    const { doc, planId, outcomeId, measureId } = setUp()
    const citation = readOutcomeCitation(doc, planId, outcomeId, measureId)
    expect(citationText(citation, english, 'en')).toContain('latest 12 interviews on 10 January 2027')
    expect(citationText(citation, welsh, 'cy')).toContain('y diweddaraf 12 interviews ar 10 Ionawr 2027')
    expect(citation).toMatchObject({ measure: { latestDate: '2027-01-10' } })
  })

  it('says every word of its own in Welsh for a Welsh reader (labels, status, measure, evidence), and what people wrote as they wrote it', () => {
    const { doc, planId, outcomeId, measureId } = setUp()
    const note = createArtifact(doc, { kind: 'note', title: 'Workshop 1' }, asha, 5)
    const board = createArtifact(doc, { kind: 'board', title: '' }, asha, 5)
    const mapId = createPartnerMap(doc, { title: 'Partners' }, asha, 5)
    const partner = addPartner(doc, mapId, { name: 'Age UK Cymru' }, asha, 5) as string
    for (const [id, kind] of [[note, 'artifact'], [board, 'artifact'], [partner, 'partner']] as const) setEvidenceLink(doc, planId, 'outcomes', outcomeId, id, kind, asha, 6)
    const citation = readOutcomeCitation(doc, planId, outcomeId, measureId)
    expect(citationText(citation, welsh, 'cy')).toBe(
      'Canlyniad y cynllun labordy: Residents shape warm homes support (Mewn perygl). ' +
        'Mesurir drwy Interview feedback, targed 30 interviews, y diweddaraf 12 interviews ar 10 Ionawr 2027. ' +
        'Tystiolaeth: Bwrdd: Heb deitl; Nodyn: Workshop 1; Sefydliad partner: Age UK Cymru'
    )
    expect(citationText(citation, english, 'en')).toBe(
      'Lab plan outcome: Residents shape warm homes support (At risk). ' +
        'Measured by Interview feedback, target 30 interviews, latest 12 interviews on 10 January 2027. ' +
        'Evidence: Board: Untitled; Note: Workshop 1; Partner: Age UK Cymru'
    )
    // The measure's parts that are not filled in leave their words out, in either language.
    updatePlanRow(doc, planId, 'measures', measureId, { target: '', latestDate: '' }, asha, 7)
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, measureId), welsh, 'cy')).toContain('. Mesurir drwy Interview feedback, y diweddaraf 12 interviews. ')
    removePlanRow(doc, planId, 'measures', measureId, asha, 8)
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, measureId), welsh, 'cy')).toContain('. Mae’r mesur a ddyfynnwyd wedi’i dynnu o’r cynllun labordy. ')
    removePlanRow(doc, planId, 'outcomes', outcomeId, asha, 9)
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, measureId), welsh, 'cy')).toBe(
      'Canlyniad y cynllun labordy: mae’r canlyniad hwn wedi’i dynnu o’r cynllun labordy'
    )
  })

  it('in an export, is written in the export’s language; without a translator, in English from the catalogue', () => {
    const { doc, planId, outcomeId, measureId } = setUp()
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'planCitation', attrs: { planId, outcomeId, measureId } }] }] }
    expect(citationsAsText(body, doc, welsh, 'cy').content?.[0]?.content?.[0]?.text).toBe(
      'Canlyniad y cynllun labordy: Residents shape warm homes support (Mewn perygl). Mesurir drwy Interview feedback, targed 30 interviews, y diweddaraf 12 interviews ar 10 Ionawr 2027'
    )
    expect(citationsAsText(body, doc, englishText, 'en').content?.[0]?.content?.[0]?.text).toBe(
      citationsAsText(body, doc, english, 'en').content?.[0]?.content?.[0]?.text
    )
  })

  it('a report exported while the interface is Welsh carries the citation in Welsh (Word, PDF, web page and Markdown alike)', () => {
    const { doc, planId, outcomeId, measureId } = setUp()
    const report = createArtifact(doc, { kind: 'report', title: 'Adroddiad terfynol' }, asha, 5)
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph')
      const cited = new Y.XmlElement('planCitation')
      for (const [name, value] of Object.entries({ planId, outcomeId, measureId })) cited.setAttribute(name, value)
      paragraph.insert(0, [new Y.XmlText('Ein nod: '), cited])
      artifactBody(doc, report)?.insert(0, [paragraph])
    })
    setLocale('cy')
    const exported = makeExportDocument(doc, report)
    expect(exported?.lang).toBe('cy-GB')
    expect(exported?.body.content?.[0]?.content?.map((node) => node.text).join('')).toBe(
      'Ein nod: Canlyniad y cynllun labordy: Residents shape warm homes support (Mewn perygl). Mesurir drwy Interview feedback, targed 30 interviews, y diweddaraf 12 interviews ar 10 Ionawr 2027'
    )
  })

  it('says when the measure or the outcome has been removed, or the reference is not a real one', () => {
    const { doc, planId, outcomeId, measureId } = setUp()
    removePlanRow(doc, planId, 'measures', measureId, asha, 5)
    expect(readOutcomeCitation(doc, planId, outcomeId, measureId)).toMatchObject({ kind: 'outcome', measure: 'removed' })
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, measureId), english, 'en')).toContain('The cited measure has been removed from the lab plan')
    removePlanRow(doc, planId, 'outcomes', outcomeId, asha, 6)
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, measureId), english, 'en')).toBe('Lab plan outcome: this outcome has been removed from the lab plan')
    expect(readOutcomeCitation(doc, 'not a plan', 'x', '')).toEqual({ kind: 'removed' })
    expect(readOutcomeCitation(doc, planId, 'f'.repeat(32), '')).toEqual({ kind: 'removed' })
  })

  it('exports carry the citation as the plan words it at the time of export', () => {
    const { doc, planId, outcomeId } = setUp()
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We set out to: ' }, { type: 'planCitation', attrs: { planId, outcomeId, measureId: '' } }] }]
    }
    expect(citationsAsText(body, doc, english, 'en').content?.[0]?.content).toEqual([
      { type: 'text', text: 'We set out to: ' },
      { type: 'text', text: 'Lab plan outcome: Residents shape warm homes support (At risk)', marks: [{ type: 'lang', attrs: { lang: 'en-GB' } }] }
    ])
  })

  it('marks a citation with the language of its words, in a web page export and a Welsh one alike; Markdown, with no such mark, has the words alone', () => {
    const { doc, planId, outcomeId } = setUp()
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ein nod: ' }, { type: 'planCitation', attrs: { planId, outcomeId, measureId: '' } }] }]
    }
    expect(bodyHtml(citationsAsText(body, doc, welsh, 'cy'))).toBe(
      '<p>Ein nod: <span lang="cy-GB">Canlyniad y cynllun labordy: Residents shape warm homes support (Mewn perygl)</span></p>'
    )
    expect(bodyHtml(citationsAsText(body, doc, english, 'en'))).toContain('<span lang="en-GB">Lab plan outcome: ')
    expect(inlineMarkdown(inlineRuns(citationsAsText(body, doc, english, 'en').content?.[0] ?? { type: 'paragraph' }))).toBe('Ein nod: Lab plan outcome: Residents shape warm homes support (At risk)')
    // A language a peer's document claims is written only when it is a language tag.
    const odd = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'lang', attrs: { lang: '"><script>' } }] }] }] }
    expect(bodyHtml(odd)).toBe('<p>x</p>')
  })
})
