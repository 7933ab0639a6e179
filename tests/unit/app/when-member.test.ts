import { describe, expect, it } from 'vitest'
import { whenMember } from '../../../src/app/when-member'
import type { Role } from '../../../src/domain/trust/roles'
import type { WorkspaceTrust } from '../../../src/app/workspace-trust'

/** The part of WorkspaceTrust whenMember reads: a role that changes and listeners told of it. */
const trustWithRole = (initial: Role | null) => {
  let role = initial
  const listeners = new Set<() => void>()
  const trust = {
    myRole: () => role,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  } as unknown as WorkspaceTrust
  return {
    trust,
    listeners,
    becomes(next: Role | null) {
      role = next
      for (const listener of [...listeners]) listener()
    }
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('writing waits until this device is a member', () => {
  it('runs at once without trust, and at once for a member', async () => {
    const runs: string[] = []
    whenMember(Promise.resolve(null), () => runs.push('no trust'))
    whenMember(Promise.resolve(trustWithRole('editor').trust), () => runs.push('editor'))
    await settle()
    expect(runs).toEqual(['no trust', 'editor'])
  })

  it('waits while the join has not arrived, runs once when it has, then stops listening', async () => {
    const joining = trustWithRole(null)
    let runs = 0
    whenMember(Promise.resolve(joining.trust), () => runs++)
    await settle()
    joining.becomes(null)
    expect(runs).toBe(0)
    joining.becomes('viewer')
    joining.becomes('editor')
    expect(runs).toBe(1)
    expect(joining.listeners.size).toBe(0)
  })

  it('never runs after it was stopped', async () => {
    const joining = trustWithRole(null)
    let runs = 0
    const stop = whenMember(Promise.resolve(joining.trust), () => runs++)
    await settle()
    stop()
    joining.becomes('editor')
    expect(runs).toBe(0)
    expect(joining.listeners.size).toBe(0)
  })
})
