import { describe, expect, it } from 'vitest'
import { makeQrPath } from '../../../src/ui/features/invite/qr'

describe('the invitation link as a QR code', () => {
  it('is drawn for a link as long as one naming a role and carrying its invitation', () => {
    const code = makeQrPath(`http://127.0.0.1:5173/#/join/${'a'.repeat(1_100)}`)
    expect(code).not.toBeNull()
    expect(code?.path.length).toBeGreaterThan(0)
  })

  it('is left out, rather than failing the whole dialog, for a link longer than a QR code holds', () => {
    expect(makeQrPath(`http://127.0.0.1:5173/#/join/${'a'.repeat(3_000)}`)).toBeNull()
  })
})
