import { afterAll, beforeAll } from 'vitest'
import { startTestRelay, stopTestRelays } from './test-relay'
import { openTestDatabase, type TestDatabase } from './test-stores'

/**
 * A real relay on PGlite for a test file's tests: started before them, closed after. Its `url`
 * is read once the file's tests run.
 */
export const usePgliteRelay = (): { readonly url: string } => {
  let database: TestDatabase | undefined
  let url = ''
  beforeAll(async () => {
    database = await openTestDatabase('pglite')
    url = (await startTestRelay(await database.open())).url
    // PGlite starts a whole PostgreSQL in WebAssembly: slow on a busy machine, never a failure.
  }, 300_000)
  afterAll(async () => {
    await stopTestRelays()
    await database?.close()
  }, 300_000)
  return {
    get url() {
      return url
    }
  }
}
