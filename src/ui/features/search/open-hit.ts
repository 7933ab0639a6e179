import type { SearchHit } from '../../../reactive/search/search-engine'
import { href, navigate } from '../../router'
import { requestReveal } from './reveal-request'

/** Goes to a result's place: the artifact, then (through the reveal request) the match in it. */
export const openHit = (workspaceId: string, hit: SearchHit): void => {
  requestReveal({ artifactId: hit.item.artifactId, target: hit.item.target, terms: hit.terms })
  const target = href.artifact(workspaceId, hit.item.artifactId)
  if (location.hash !== target) navigate(target)
}
