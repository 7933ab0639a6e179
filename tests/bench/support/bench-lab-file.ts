// The bench lab as a workspace file on disk, as a person would import it: the start of
// relay-browser's join through the relay (sync-initial's host imports the same generator's file
// into a kept profile, support/lab-profile-cache.ts), so both join the same lab. Its age is
// MUTUAL_BENCH_LAB_MONTHS's (issue 15), six months unless set.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchLabOptions, benchWorkspaceFile, checkBenchWorkspace, makeBenchWorkspace, type BenchLabMonths, type BenchWorkspace } from '../seed/workspace'

export interface BenchLabFile {
  lab: BenchWorkspace
  /** The lab's age, in months. */
  months: BenchLabMonths
  file: Uint8Array
  /** The file to give "Import a workspace file". */
  path: string
  /** Removes the file and its folder. */
  remove(): void
}

export const writeBenchLabFile = (seed: number, folderPrefix: string, months: BenchLabMonths = 6): BenchLabFile => {
  const options = benchLabOptions(months)
  const lab = makeBenchWorkspace({ seed, ...options })
  checkBenchWorkspace(lab, options)
  const file = benchWorkspaceFile(lab)
  const dir = mkdtempSync(join(tmpdir(), folderPrefix))
  const path = join(dir, 'bench-lab.mutual')
  writeFileSync(path, file)
  return { lab, months, file, path, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
