import type * as Y from 'yjs'
import { hasWorkspaceContent, metaMap } from '../../../crdt/workspace-doc'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { describeConnection } from '../../../domain/sync-status'
import { createYProjection } from '../../../reactive/create-y-projection'
import { PageHeading } from '../../components/PageHeading'
import { FileSyncPanel } from '../file-sync/FileSyncPanel'
import { createSyncStatus, useWorkspaceSync } from '../sync-status/sync-context'
import { t } from '../../i18n/t'

/** Whether the workspace's first change (its creation) has reached this device, live. */
export const createHasContent = (doc: Y.Doc) =>
  createYProjection(doc, 'has-content', () => metaMap(doc), () => hasWorkspaceContent(doc))

/**
 * A joined workspace before anything of it has arrived: what is going on, and the way in for
 * devices with no connection at all (a changes file from a member).
 */
export const WaitingForWorkspace = (props: { doc: Y.Doc; entry: RegistryEntry; readOnly: boolean }) => {
  const sync = useWorkspaceSync()
  const status = createSyncStatus(sync)
  return (
    <section class="stack waiting-for-workspace">
      <PageHeading title={t('waiting.title')} />
      <p class="lead">{t('waiting.lead')}</p>
      <p id="waiting-for-workspace-held">{t('waiting.held')}</p>
      <p role="status">{describeConnection(status(), t).detail}</p>
      <FileSyncPanel doc={props.doc} entry={props.entry} name={props.entry.name} readOnly={props.readOnly} headingLevel={2} importOnly />
    </section>
  )
}
