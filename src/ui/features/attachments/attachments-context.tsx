import { createContext, useContext, type JSX } from 'solid-js'
import type { WorkspaceAttachments } from '../../../app/attachments/workspace-attachments'

const AttachmentsContext = createContext<() => WorkspaceAttachments | null>(() => null)

/** The open workspace's photos and files on this device (null while it opens). */
export const AttachmentsProvider = (props: { attachments: WorkspaceAttachments | null; children: JSX.Element }) => (
  <AttachmentsContext.Provider value={() => props.attachments}>{props.children}</AttachmentsContext.Provider>
)

export const useAttachments = (): (() => WorkspaceAttachments | null) => useContext(AttachmentsContext)
