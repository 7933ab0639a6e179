import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { proposalAnswer } from '../../../src/crdt/lab-plan'
import { addPlanRow } from '../../../src/crdt/lab-plan-rows'
import { makeDeferredEditor } from '../../../src/editor/deferred-editor'
import { EOI_QUESTIONS } from '../../../src/domain/lab-plan/proposal'
import type { PlanRowId } from '../../../src/domain/lab-plan/plan-ids'
import { setLocale } from '../../../src/ui/i18n/current-locale'
import { EDITOR_INTERFACE_TEXT } from '../../../src/ui/i18n/editor-interface-text'
import { asha, newPlan } from './support'

/**
 * QA in Welsh: a reader who cannot edit the lab plan sees each EOI answer as its drawn copy
 * (no editor is ever built for them), and that copy wrote a citation of an outcome, and the
 * empty answer's hint, in English. It now draws them in the interface's words, as the editor
 * does, and again when the language switches.
 */

/** What a read-only copy touches of its element, outside a browser. */
const fakeArea = () => {
  const attributes = new Map<string, string>()
  return {
    innerHTML: '',
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    removeAttribute: (name: string) => void attributes.delete(name),
    removeEventListener: () => {}
  }
}

const readOnlyCopy = (fragment: Y.XmlFragment) => {
  const area = fakeArea()
  const copy = makeDeferredEditor({
    element: area as unknown as HTMLElement,
    fragment,
    label: 'Answer 1',
    readOnly: true,
    user: () => ({ name: 'Asha Patel', color: '#374151' }),
    onState: () => {},
    text: EDITOR_INTERFACE_TEXT
  })
  return { area, copy }
}

describe('an EOI answer’s read-only copy', () => {
  afterEach(() => setLocale('en'))

  it('draws a citation of an outcome in the interface’s language, and again when it switches', () => {
    const { doc, planId } = newPlan()
    const outcomeId = addPlanRow(doc, planId, 'outcomes', { title: 'Residents shape warm homes support', status: 'at-risk' }, asha, 3) as PlanRowId
    const answer = proposalAnswer(doc, planId, EOI_QUESTIONS[0].key) as Y.XmlFragment
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph')
      const cited = new Y.XmlElement('planCitation')
      for (const [name, value] of Object.entries({ planId, outcomeId, measureId: '' })) cited.setAttribute(name, value)
      paragraph.insert(0, [new Y.XmlText('Ein nod: '), cited])
      answer.insert(0, [paragraph])
    })
    setLocale('cy')
    const { area, copy } = readOnlyCopy(answer)
    expect(area.innerHTML).toContain('Ein nod: ')
    expect(area.innerHTML).toContain('<span lang="cy-GB">Canlyniad y cynllun labordy: Residents shape warm homes support (Mewn perygl)</span>')
    setLocale('en')
    expect(area.innerHTML).toContain('<span lang="en-GB">Lab plan outcome: Residents shape warm homes support (At risk)</span>')
    copy.destroy()
    // Destroyed, it no longer follows the language.
    setLocale('cy')
    expect(area.innerHTML).toContain('Lab plan outcome:')
  })

  it('gives an empty answer the editor’s hint in the interface’s language', () => {
    const { doc, planId } = newPlan()
    setLocale('cy')
    const { area, copy } = readOnlyCopy(proposalAnswer(doc, planId, EOI_QUESTIONS[1].key) as Y.XmlFragment)
    expect(area.innerHTML).toBe('<p class="is-empty" data-placeholder="Dechreuwch ysgrifennu…"><br></p>')
    copy.destroy()
  })
})
