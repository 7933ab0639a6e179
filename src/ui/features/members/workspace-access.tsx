import { createContext, useContext, type Accessor, type JSX } from 'solid-js'

/**
 * Whether this device may comment in the open workspace. Comments are the one change a
 * read-only member (a commenter) may still make, so the document page asks this separately
 * from its `readOnly`. Outside a workspace nothing is granted beyond what `readOnly` says.
 */
const CommentAccess = createContext<Accessor<boolean>>(() => false)

export const CommentAccessProvider = (props: { canComment: Accessor<boolean>; children: JSX.Element }) => (
  <CommentAccess.Provider value={props.canComment}>{props.children}</CommentAccess.Provider>
)

/** True when comments are open to this device even where the text itself is read-only. */
export const useCommentAccess = (): Accessor<boolean> => useContext(CommentAccess)
