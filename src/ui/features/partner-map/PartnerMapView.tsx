import { Match, Show, Switch, createEffect, createMemo, createSignal } from 'solid-js'
import type { Actor } from '../../../domain/artifact'
import type { Partner, PartnerId, PartnerMapState } from '../../../domain/partner'
import {
  NO_FILTER,
  filterPartners,
  isFiltering,
  relationshipCounts,
  relationshipsAmong,
  sortPartners,
  type PartnerFilter,
  type PartnerSort
} from '../../../domain/partner-view'
import { cleanUpPartnerMap } from '../../../crdt/partner-map'
import { createPartnerMapState } from '../../../reactive/partner-map'
import { withShownNames } from './shown-partner-names'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import { useActor } from '../../app-context'
import { Alert } from '../../components/Alert'
import { PageHeading } from '../../components/PageHeading'
import { downloadBytes, fileNameFor } from '../../download'
import type { ArtifactViewProps } from '../workspace/artifact-views'
import type { ColourBy } from './graph-colours'
import { BinnedPartnerNotice } from './BinnedPartnerNotice'
import { ImportCsvDialog } from './ImportCsvDialog'
import { MatchesView } from './MatchesView'
import { MergeMapsNotice } from './MergeMapsNotice'
import { onRevealRequest } from '../search/reveal-request'
import { PartnerDialog, type PartnerDialogTarget } from './PartnerDialog'
import { PartnerFilters } from './PartnerFilters'
import { PartnerGraph } from './PartnerGraph'
import { PartnerMapProvider, type PartnerMapContextValue } from './partner-map-context'
import { partnersToCsv, relationshipsToCsv } from './partner-csv-file'
import { PartnerTable } from './PartnerTable'
import { RelationshipTable } from './RelationshipTable'
import { SelectField } from '../../components/SelectField'
import { ViewTabs, tabId, tabPanelId } from './ViewTabs'
import './partner-map.css'
import { createAnnouncer } from '../../components/create-announcer'
import { createActionProblem } from '../../components/create-action-problem'
import { t } from '../../i18n/t'
import { inChosenLanguage } from '../../i18n/known-in-language'
import { CONTENT_LANG } from '../../i18n/content-lang'

type ViewKey = 'table' | 'graph' | 'matches'
const tabs = () =>
  [
    { key: 'table', label: t('partners.tab.table') },
    { key: 'graph', label: t('partners.tab.graph') },
    { key: 'matches', label: t('partners.tab.matches') }
  ] as const satisfies readonly { key: ViewKey; label: string }[]

/** The partner map: the artifact view registered for kind 'partner-map'. */
const PartnerMapView = (props: ArtifactViewProps) => {
  const stored = createPartnerMapState(props.doc, props.artifactId)
  const state = createMemo(() => {
    const s = stored()
    return s && { ...s, partners: s.partners.map(withShownNames) }
  })
  const summaries = createArtifactSummaries(props.doc)
  const title = () => summaries().find((a) => a.id === props.artifactId)?.title || t('kind.partner-map.one')
  return (
    <Show
      when={state()}
      fallback={
        <section class="stack">
          <PageHeading title={title()} />
          <p>{t('partners.notArrived')}</p>
        </section>
      }
    >
      {(open) => <OpenPartnerMap {...props} state={open} title={title()} />}
    </Show>
  )
}

export default PartnerMapView

const OpenPartnerMap = (props: ArtifactViewProps & { state: () => PartnerMapState; title: string }) => {
  const actor = useActor()
  const [view, setView] = createSignal<ViewKey>('table')
  const [filter, setFilter] = createSignal<PartnerFilter>(NO_FILTER)
  const [sort, setSort] = createSignal<PartnerSort>({ key: 'name', direction: 'ascending' })
  const [colourBy, setColourBy] = createSignal<ColourBy>('type')
  const [dialog, setDialog] = createSignal<PartnerDialogTarget>(null)
  const [importing, setImporting] = createSignal(false)
  const [justBinned, setJustBinned] = createSignal<Pick<Partner, 'id' | 'name'> | null>(null)
  const { problem, setProblem, act } = createActionProblem()
  const { message: announcement, announce } = createAnnouncer()


  const byId = createMemo(() => new Map<string, Partner>(props.state().partners.map((p) => [p.id, p])))
  // Opened from a search result: open that partner.
  onRevealRequest(() => props.artifactId, () => true, (request) => {
    if (request.target.kind === 'partner' && byId().has(request.target.partnerId))
      setDialog({ kind: 'partner', id: request.target.partnerId as PartnerId })
  })
  const shown = createMemo(() => filterPartners(props.state().partners, filter()))
  const shownRelationships = createMemo(() =>
    isFiltering(filter()) ? relationshipsAmong(props.state().relationships, shown()) : props.state().relationships
  )
  // The table's relationship counts are of all relationships, so a number does not change
  // with the filter.
  const counts = createMemo(() => relationshipCounts(props.state().relationships))
  const sortedShown = createMemo(() => sortPartners(shown(), sort(), (id) => counts().get(id) ?? 0))
  const canEdit = () => !props.readOnly && actor() !== null
  const openPartnerId = (): string | null => {
    const open = dialog()
    return open?.kind === 'partner' ? open.id : null
  }

  const context: PartnerMapContextValue = {
    doc: props.doc,
    mapId: props.artifactId,
    workspaceId: props.session.id,
    state: () => props.state(),
    partnerById: (id) => byId().get(id),
    // Editing controls are disabled without a profile, so this fallback is never recorded.
    actor: (): Actor => actor() ?? { name: 'Someone', organisation: '' },
    canEdit,
    openPartner: (id) => setDialog({ kind: 'partner', id }),
    binned: setJustBinned,
    announce,
    act
  }

  // Relationships left pointing at a partner removed on another device are tidied away by the
  // first device that shows the map (they are already hidden; this removes them for good).
  createEffect(() => {
    if (props.state().hiddenRelationships === 0 || !canEdit()) return
    try {
      cleanUpPartnerMap(props.doc, props.artifactId)
    } catch {
      // Tidying is a courtesy: if this device cannot write now, another one will.
    }
  })

  // Tell screen-reader users what a filter change did.
  createEffect((previous: string | undefined) => {
    const key = JSON.stringify(filter())
    if (previous !== undefined && previous !== key)
      announce(t('partners.view.showing', { shown: shown().length, total: props.state().partners.length }))
    return key
  })

  const exportCsv = (kind: 'partners' | 'relationships'): void => {
    const text =
      kind === 'partners'
        ? partnersToCsv(props.state().partners)
        : relationshipsToCsv(props.state().relationships, props.state().partners)
    downloadBytes(new TextEncoder().encode(text), fileNameFor(`${props.title} ${kind}`, 'csv'), 'text/csv;charset=utf-8')
    announce(kind === 'partners' ? t('partners.exportedPartners') : t('partners.exportedRelationships'))
  }

  const empty = () => props.state().partners.length === 0

  return (
    <PartnerMapProvider value={context}>
      <article class="partner-map stack">
        <div class="page-title-row">
          <PageHeading title={props.title}>
            <span {...CONTENT_LANG}>{props.title}</span>
          </PageHeading>
          <div class="actions">
            <button type="button" class="button primary" disabled={!canEdit()} onClick={() => setDialog({ kind: 'new' })}>
              {t('partners.add')}
            </button>
            <button type="button" class="button" disabled={!canEdit()} onClick={() => setImporting(true)}>
              {t('partners.importCsv')}
            </button>
            <button type="button" class="button" disabled={empty()} onClick={() => exportCsv('partners')}>
              {t('partners.exportPartners')}
            </button>
            <button type="button" class="button" disabled={props.state().relationships.length === 0} onClick={() => exportCsv('relationships')}>
              {t('partners.exportRelationships')}
            </button>
          </div>
        </div>
        <p class="muted">
          {t('partners.counts', { partners: props.state().partners.length, relationships: props.state().relationships.length })}
        </p>
        <MergeMapsNotice mapId={props.artifactId} />
        <Show when={justBinned()} keyed>
          {(partner) => <BinnedPartnerNotice partner={partner} onDone={() => setJustBinned(null)} />}
        </Show>
        <Show when={problem()}>
          <Alert tone="error" title={t('partners.notMade')}>
            <p>{inChosenLanguage(problem() ?? '')}</p>
          </Alert>
        </Show>
        <Show
          when={!empty()}
          fallback={
            <div class="empty-state stack">
              <h2>{t('partners.none')}</h2>
              <p>{t('partners.noneHint')}</p>
            </div>
          }
        >
          <PartnerFilters partners={props.state().partners} filter={filter()} onChange={setFilter} />
          <ViewTabs prefix="partner-view" label={t('partners.views')} tabs={tabs()} selected={view()} onSelect={setView} />
          <div id={tabPanelId('partner-view', view())} role="tabpanel" aria-labelledby={tabId('partner-view', view())} class="view-panel">
            <Switch>
              <Match when={view() === 'table'}>
                <div class="stack">
                  <h2 class="visually-hidden">{t('partners.tablesHeading')}</h2>
                  <PartnerTable
                    partners={sortedShown()}
                    total={props.state().partners.length}
                    currentId={openPartnerId()}
                    sort={sort()}
                    onSort={(next) => {
                      setSort(next)
                      announce(t('partners.view.sorted', { column: next.key, direction: next.direction }))
                    }}
                    relationshipCount={(id) => counts().get(id) ?? 0}
                    onOpen={context.openPartner}
                  />
                  <RelationshipTable relationships={shownRelationships()} onOpen={context.openPartner} />
                </div>
              </Match>
              <Match when={view() === 'graph'}>
                <div class="stack">
                  <h2 class="visually-hidden">{t('partners.graphHeading')}</h2>
                  <PartnerGraph
                    controls={
                      <SelectField
                        class="colour-by"
                        label={t('partners.colourBy')}
                        value={colourBy()}
                        options={[
                          { value: 'type', label: t('partners.colourByType') },
                          { value: 'region', label: t('partners.colourByRegion') }
                        ]}
                        onChange={(value) => setColourBy(value as ColourBy)}
                      />
                    }
                    allPartners={props.state().partners}
                    allRelationships={props.state().relationships}
                    partners={shown()}
                    relationships={shownRelationships()}
                    colourBy={colourBy()}
                    title={props.title}
                    onOpen={context.openPartner}
                    onProblem={setProblem}
                  />
                </div>
              </Match>
              <Match when={view() === 'matches'}>
                <h2 class="visually-hidden">{t('partners.tab.matches')}</h2>
                <MatchesView partners={shown()} onOpen={context.openPartner} />
              </Match>
            </Switch>
          </div>
        </Show>
        <PartnerDialog target={dialog()} onTarget={setDialog} />
        <ImportCsvDialog open={importing()} onClose={() => setImporting(false)} />
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {announcement()}
        </div>
      </article>
    </PartnerMapProvider>
  )
}
