import { describe, expect, it } from 'vitest'
import { href, parseRoute, sameRoute } from '../../../src/ui/router'

const id = '0123456789abcdef0123456789abcdef'
const artifact = 'fedcba9876543210fedcba9876543210'

describe('parseRoute', () => {
  it.each([
    ['', { name: 'home' }],
    ['#', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/profile', { name: 'profile' }],
    ['#/new', { name: 'new-workspace' }],
    [`#/w/${id}`, { name: 'workspace', id, artifactId: null, panel: null }],
    [`#/w/${id}/`, { name: 'workspace', id, artifactId: null, panel: null }],
    [`#/w/${id}/a/${artifact}`, { name: 'workspace', id, artifactId: artifact, panel: null }],
    [`#/w/${id}/a/${artifact}/history`, { name: 'workspace', id, artifactId: artifact, panel: 'history' }],
    ['#/join/abc.def', { name: 'join', payload: 'abc.def' }],
    ['#/join/', { name: 'not-found', path: '/join/' }],
    ['#/w/', { name: 'not-found', path: '/w/' }],
    [`#/w/${id}/a/`, { name: 'not-found', path: `/w/${id}/a/` }],
    ['#/profile/extra', { name: 'not-found', path: '/profile/extra' }],
    ['#/nowhere', { name: 'not-found', path: '/nowhere' }]
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route)
  })

  it('reads back every address the app builds', () => {
    expect(parseRoute(href.home)).toEqual({ name: 'home' })
    expect(parseRoute(href.profile)).toEqual({ name: 'profile' })
    expect(parseRoute(href.newWorkspace)).toEqual({ name: 'new-workspace' })
    expect(parseRoute(href.workspace(id))).toMatchObject({ name: 'workspace', id, artifactId: null })
    expect(parseRoute(href.artifact(id, artifact))).toMatchObject({ name: 'workspace', id, artifactId: artifact })
  })

  it('passes an id it does not recognise through for the page to reject', () => {
    expect(parseRoute('#/w/not-an-id')).toMatchObject({ name: 'workspace', id: 'not-an-id', artifactId: null })
  })
})

describe('sameRoute', () => {
  it('holds for two spellings of one page, and not for another page', () => {
    expect(sameRoute(parseRoute(`#/w/${id}`), parseRoute(`#/w/${id}/`))).toBe(true)
    expect(sameRoute(parseRoute(`#/w/${id}`), parseRoute(`#/w/${id}/a/${artifact}`))).toBe(false)
    expect(sameRoute(parseRoute(`#/w/${id}/a/${artifact}`), parseRoute(`#/w/${id}/a/${artifact}/history`))).toBe(false)
  })
})
