import { For, Show, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import { assignSection } from '../../../crdt/report-sections'
import type { ArtifactId } from '../../../domain/ids'
import { UNASSIGNED, type OutlineEntry } from '../../../domain/report'
import { createSectionAssignments } from '../../../reactive/document-projections'
import { useActor } from '../../app-context'
import type { DocumentEditing } from '../editor/document-editing'
import { formatNumber } from '../../i18n/intl-format'
import { currentTranslator, t } from '../../i18n/t'
import { outlineTitle, sectionAssignmentText } from './outline-entry-text'
import { SectionAssignmentDialog } from './SectionAssignmentDialog'

/**
 * The report's outline: every heading, to jump to; for each section (level-1 heading) who
 * owns it, for which council, and its status; and the word count.
 */
export const ReportOutline = (props: { doc: Y.Doc; artifactId: ArtifactId; editing: DocumentEditing; readOnly: boolean }) => {
  const assignments = createSectionAssignments(props.doc, props.artifactId)
  const actor = useActor()
  const [assigning, setAssigning] = createSignal<OutlineEntry | null>(null)
  const assignmentOf = (entry: OutlineEntry) => (entry.sectionId ? assignments()[entry.sectionId] : undefined) ?? UNASSIGNED

  return (
    <section class="side-panel outline-panel" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t('reportOutline.title')}</h2>
      <p class="word-count">
        <strong>{formatNumber(props.editing.words())}</strong> {t('reportOutline.words', { count: props.editing.words() })}
      </p>
      <Show
        when={props.editing.outline().length > 0}
        fallback={<p class="muted">{t('reportOutline.empty')}</p>}
      >
        <nav aria-label={t('reportOutline.nav')}>
          <ol class="outline">
            <For each={props.editing.outline()}>
              {(entry, index) => {
                const assignment = () => assignmentOf(entry)
                const said = () => sectionAssignmentText(assignment(), currentTranslator())
                const title = () => outlineTitle(entry, currentTranslator())
                return (
                  <li class={`outline-entry outline-level-${entry.level}`}>
                    <button
                      type="button"
                      class="outline-link"
                      onClick={() => props.editing.revealHeading(index())}
                    >
                      {title()}
                    </button>
                    <Show when={entry.level === 1 && entry.sectionId}>
                      <div class="outline-assignment">
                        <span class={`section-status status-${assignment().status}`}>
                          {said().status}
                        </span>
                        <span class="outline-owner">
                          {said().owner}
                        </span>
                        <Show when={!props.readOnly}>
                          <button type="button" class="link-button" onClick={() => setAssigning(entry)}>
                            {t('reportOutline.assign')}<span class="visually-hidden"> {t('reportOutline.assignWhat', { title: title() })}</span>
                          </button>
                        </Show>
                      </div>
                    </Show>
                  </li>
                )
              }}
            </For>
          </ol>
        </nav>
      </Show>
      <SectionAssignmentDialog
        doc={props.doc}
        entry={assigning()}
        current={assigning() ? assignmentOf(assigning()!) : UNASSIGNED}
        onClose={() => setAssigning(null)}
        onSave={(change) => {
          const entry = assigning()
          const who = actor()
          if (!entry?.sectionId || !who) return false
          return assignSection(props.doc, props.artifactId, entry.sectionId, change, who, Date.now())
        }}
      />
    </section>
  )
}
