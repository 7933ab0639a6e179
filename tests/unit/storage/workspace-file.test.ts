import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceSecret, type WorkspaceId } from '../../../src/domain/ids'
import { asha, newWorkspace } from '../fixtures/workspace'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { readWorkspaceMeta } from '../../../src/crdt/workspace-meta'
import { createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import {
  MAX_WORKSPACE_FILE_BYTES,
  decodeWorkspaceFile,
  encodeWorkspaceFile,
  type WorkspaceFileHeader
} from '../../../src/storage/workspace-file'

const makeLab = () => {
  const doc = newWorkspace()
  const id = doc.guid as WorkspaceId
  createArtifact(doc, { kind: 'note', title: 'First visit' }, asha, 2000)
  const header: WorkspaceFileHeader = {
    format: 1,
    workspaceId: id,
    secret: makeWorkspaceSecret(),
    name: 'Community wealth lab',
    exportedAt: 3000
  }
  return { doc, header, bytes: encodeWorkspaceFile(header, doc) }
}

const HEADER_START = 12
const headerLength = (bytes: Uint8Array): number => new DataView(bytes.buffer, bytes.byteOffset).getUint32(8)

/** Rebuilds a file with a different header, keeping the rest as it was. */
const withHeader = (bytes: Uint8Array, header: string): Uint8Array => {
  const json = new TextEncoder().encode(header)
  const update = bytes.subarray(HEADER_START + headerLength(bytes))
  const out = new Uint8Array(HEADER_START + json.length + update.length)
  out.set(bytes.subarray(0, 8))
  new DataView(out.buffer).setUint32(8, json.length)
  out.set(json, HEADER_START)
  out.set(update, HEADER_START + json.length)
  return out
}

const withUpdate = (bytes: Uint8Array, update: Uint8Array): Uint8Array => {
  const end = HEADER_START + headerLength(bytes)
  const out = new Uint8Array(end + update.length)
  out.set(bytes.subarray(0, end))
  out.set(update, end)
  return out
}

describe('workspace file', () => {
  it('round-trips a whole workspace', () => {
    const { doc, header, bytes } = makeLab()
    const decoded = decodeWorkspaceFile(bytes)
    if (!decoded.ok) throw new Error(decoded.message)
    expect(decoded.header).toEqual(header)
    const copy = makeWorkspaceDoc(header.workspaceId)
    Y.applyUpdate(copy, decoded.update)
    expect(readWorkspaceMeta(copy)).toEqual(readWorkspaceMeta(doc))
    expect(readArtifactSummaries(copy)).toEqual(readArtifactSummaries(doc))
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc))
  })

  it('decodes a file that sits inside a larger buffer', () => {
    const { bytes } = makeLab()
    const padded = new Uint8Array(bytes.length + 10)
    padded.set(bytes, 5)
    expect(decodeWorkspaceFile(padded.subarray(5, 5 + bytes.length)).ok).toBe(true)
  })

  it('refuses to write a header that does not validate', () => {
    const { doc, header } = makeLab()
    expect(() => encodeWorkspaceFile({ ...header, secret: 'short' as never }, doc)).toThrow()
  })

  it('rejects a file that is not a workspace file', () => {
    const { bytes } = makeLab()
    const wrongMagic = bytes.slice()
    wrongMagic[0] = 'X'.charCodeAt(0)
    expect(decodeWorkspaceFile(wrongMagic)).toEqual({ ok: false, message: 'This is not a Mutual workspace file.' })
    expect(decodeWorkspaceFile(new TextEncoder().encode('{"hello": "world"}'))).toMatchObject({ ok: false })
    expect(decodeWorkspaceFile(new Uint8Array(0))).toMatchObject({ ok: false })
  })

  it('rejects a file cut short at any point', () => {
    const { bytes } = makeLab()
    const cuts = [4, 8, 11, HEADER_START + 10, HEADER_START + headerLength(bytes) - 1, bytes.length - 5]
    for (const cut of cuts) {
      const decoded = decodeWorkspaceFile(bytes.slice(0, cut))
      expect(decoded.ok, `cut at ${cut}`).toBe(false)
    }
  })

  it('rejects a tampered header', () => {
    const { bytes, header } = makeLab()
    const cases = [
      'not json',
      JSON.stringify({ ...header, workspaceId: 'NOT-HEX' }),
      JSON.stringify({ ...header, format: 2 }),
      JSON.stringify({ ...header, secret: undefined }),
      JSON.stringify([header])
    ]
    for (const text of cases) expect(decodeWorkspaceFile(withHeader(bytes, text)).ok, text).toBe(false)
    expect(decodeWorkspaceFile(withHeader(bytes, JSON.stringify({ ...header, format: 2 })))).toEqual({
      ok: false,
      message: 'This workspace file was made by a different version of Mutual, or is damaged.'
    })
  })

  it('rejects a header that claims to be longer than the limit', () => {
    const { bytes } = makeLab()
    const huge = bytes.slice()
    new DataView(huge.buffer).setUint32(8, 0xffffffff)
    expect(decodeWorkspaceFile(huge)).toEqual({ ok: false, message: 'This workspace file is damaged or cut short.' })
  })

  it('rejects a garbage update', () => {
    const { bytes } = makeLab()
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02, 0x03])
    expect(decodeWorkspaceFile(withUpdate(bytes, garbage))).toEqual({
      ok: false,
      message: 'This workspace file is damaged or cut short.'
    })
  })

  it('rejects an oversized file before reading any of it', () => {
    // A real file's start, so only the size can be the reason it is refused.
    const oversized = new Uint8Array(MAX_WORKSPACE_FILE_BYTES + 1)
    oversized.set(makeLab().bytes)
    expect(decodeWorkspaceFile(oversized)).toEqual({
      ok: false,
      message: 'This file is larger than 256 MB, too large to be a Mutual workspace file.'
    })
  })
})
