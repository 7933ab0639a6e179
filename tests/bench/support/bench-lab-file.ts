// The 6-month bench lab as a workspace file on disk, as a person would import it: the start of the
// benches that join it on another device (sync-initial over WebRTC, relay-browser through the relay),
// so both join the same lab.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchWorkspaceFile, checkBenchWorkspace, makeBenchWorkspace, type BenchWorkspace } from '../seed/workspace'

export interface BenchLabFile {
  lab: BenchWorkspace
  file: Uint8Array
  /** The file to give "Import a workspace file". */
  path: string
  /** Removes the file and its folder. */
  remove(): void
}

export const writeBenchLabFile = (seed: number, folderPrefix: string): BenchLabFile => {
  const lab = makeBenchWorkspace({ seed })
  checkBenchWorkspace(lab)
  const file = benchWorkspaceFile(lab)
  const dir = mkdtempSync(join(tmpdir(), folderPrefix))
  const path = join(dir, 'bench-lab.mutual')
  writeFileSync(path, file)
  return { lab, file, path, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
