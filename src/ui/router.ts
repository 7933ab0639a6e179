import { createSignal } from 'solid-js'
import { beginViewOpening } from '../domain/view-opening'

/**
 * Hash routes: the app is static files, and a hash never reaches any server, which is also
 * what keeps invite secrets (`#/join/...`) out of server logs.
 */
export type Route =
  | { name: 'home' }
  | { name: 'profile' }
  | { name: 'new-workspace' }
  | { name: 'workspace'; id: string; artifactId: string | null; panel: 'history' | null }
  | { name: 'join'; payload: string }
  | { name: 'not-found'; path: string }

export const parseRoute = (hash: string): Route => {
  const path = hash.replace(/^#/, '') || '/'
  if (path === '/' || path === '') return { name: 'home' }
  if (path === '/profile') return { name: 'profile' }
  if (path === '/new') return { name: 'new-workspace' }
  // An invitation: everything after /join/ is the payload, checked by the join page.
  const join = /^\/join\/(.+)$/.exec(path)
  if (join?.[1]) return { name: 'join', payload: join[1] }
  const workspace = /^\/w\/([^/]+)(?:\/a\/([^/]+)(\/history)?)?\/?$/.exec(path)
  if (workspace?.[1]) {
    return { name: 'workspace', id: workspace[1], artifactId: workspace[2] ?? null, panel: workspace[3] ? 'history' : null }
  }
  return { name: 'not-found', path }
}

const [hash, setHash] = createSignal(typeof location === 'undefined' ? '' : location.hash)
/** Whether the app has gone to another page since the document loaded (see routeChangedSinceLoad). */
let changedSinceLoad = false
if (typeof window !== 'undefined')
  window.addEventListener('hashchange', () => {
    if (!sameRoute(parseRoute(hash()), parseRoute(location.hash))) {
      changedSinceLoad = true
      // Before the new page is drawn: work that can wait does, until it is on screen (PageHeading).
      beginViewOpening()
    }
    setHash(location.hash)
  })

/**
 * True once the app has moved to another page within this document. The page a document first
 * loads on is not a change of page: the browser and screen readers already start it from its top.
 */
export const routeChangedSinceLoad = (): boolean => changedSinceLoad

/** Whether two routes show the same page (a hash that only spells it differently does not move). */
export const sameRoute = (a: Route, b: Route): boolean => JSON.stringify(a) === JSON.stringify(b)

export const currentRoute = (): Route => parseRoute(hash())

export const navigate = (path: string): void => {
  location.hash = path
}

export const href = {
  home: '#/',
  profile: '#/profile',
  newWorkspace: '#/new',
  workspace: (id: string) => `#/w/${id}`,
  join: (payload: string) => `#/join/${payload}`,
  artifact: (workspaceId: string, artifactId: string) => `#/w/${workspaceId}/a/${artifactId}`,
  artifactHistory: (workspaceId: string, artifactId: string) => `#/w/${workspaceId}/a/${artifactId}/history`
}
