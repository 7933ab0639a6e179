import { createContext, useContext, type Accessor, type JSX } from 'solid-js'
import type { WorkspaceTrust } from '../../../app/workspace-trust'

/**
 * The open workspace's trust, for the parts deep inside it that need the membership log (a
 * board's facilitator tools offer only people the log lets facilitate). Null while trust is
 * opening, for a workspace without it, and outside a workspace. The overview's people list reads
 * it too, for who is a member.
 */
const WorkspaceTrustContext = createContext<Accessor<WorkspaceTrust | null>>(() => null)

export const WorkspaceTrustProvider = (props: { trust: Accessor<WorkspaceTrust | null>; children: JSX.Element }) => (
  <WorkspaceTrustContext.Provider value={props.trust}>{props.children}</WorkspaceTrustContext.Provider>
)

export const useWorkspaceTrust = (): Accessor<WorkspaceTrust | null> => useContext(WorkspaceTrustContext)
