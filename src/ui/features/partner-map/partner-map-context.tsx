import { createContext, useContext, type JSX } from 'solid-js'
import type * as Y from 'yjs'
import type { Actor } from '../../../domain/artifact'
import type { ArtifactId } from '../../../domain/ids'
import type { Partner, PartnerId, PartnerMapState } from '../../../domain/partner'

/** What every part of an open partner map shares. */
export interface PartnerMapContextValue {
  doc: Y.Doc
  mapId: ArtifactId
  workspaceId: string
  state: () => PartnerMapState
  partnerById: (id: string) => Partner | undefined
  actor: () => Actor
  canEdit: () => boolean
  /** Opens a partner's dialog (details, contacts, offers and needs, relationships, notes). */
  openPartner: (id: PartnerId) => void
  /** Tells the map a partner went to the bin here, so it can offer to restore it at once. */
  binned: (partner: Pick<Partner, 'id' | 'name'>) => void
  /** Says something to screen-reader users through the map's polite live region. */
  announce: (message: string) => void
  /**
   * Runs a change and reports a failure on screen instead of throwing: the workspace may have
   * turned read-only, or the partner may have been removed on another device meanwhile.
   */
  act: <T>(change: () => T) => T | undefined
}

const PartnerMapContext = createContext<PartnerMapContextValue>()

export const PartnerMapProvider = (props: { value: PartnerMapContextValue; children: JSX.Element }) => (
  <PartnerMapContext.Provider value={props.value}>{props.children}</PartnerMapContext.Provider>
)

export const usePartnerMap = (): PartnerMapContextValue => {
  const value = useContext(PartnerMapContext)
  if (!value) throw new Error('usePartnerMap must be used inside <PartnerMapProvider>')
  return value
}
