import { attachmentsEn } from '../../domain/i18n/areas/attachments.en'
/**
 * Runs prepare-photo.worker.ts on one photo. The worker is started per photo and stopped
 * after it (photos are added a few at a time), or after a time limit, so a file crafted to
 * make a decoder spin ties up only that worker.
 */
export type PreparedPhoto = { ok: true; bytes: Uint8Array; width: number; height: number } | { ok: false; message: string }

const TIME_LIMIT_MS = 60_000

const PROBLEMS = {
  undecodable: attachmentsEn['attachments.problem.undecodable'],
  failed: attachmentsEn['attachments.problem.failed'],
  'too-slow': attachmentsEn['attachments.problem.tooSlow']
} as const

export const preparePhoto = (bytes: Uint8Array): Promise<PreparedPhoto> =>
  new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./prepare-photo.worker.ts', import.meta.url), { type: 'module', name: 'mutual-prepare-photo' })
    } catch {
      resolve({ ok: false, message: PROBLEMS.failed })
      return
    }
    const finish = (result: PreparedPhoto): void => {
      clearTimeout(timer)
      worker.terminate()
      resolve(result)
    }
    const timer = setTimeout(() => finish({ ok: false, message: PROBLEMS['too-slow'] }), TIME_LIMIT_MS)
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const reply = event.data as Record<string, unknown> | null
      if (reply?.ok === true && reply.bytes instanceof Uint8Array && typeof reply.width === 'number' && typeof reply.height === 'number') {
        finish({ ok: true, bytes: reply.bytes, width: reply.width, height: reply.height })
      } else {
        finish({ ok: false, message: reply?.problem === 'undecodable' ? PROBLEMS.undecodable : PROBLEMS.failed })
      }
    }
    worker.onerror = () => finish({ ok: false, message: PROBLEMS.failed })
    worker.postMessage({ bytes }, [bytes.buffer as ArrayBuffer])
  })
