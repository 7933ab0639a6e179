/**
 * gzip for large peer messages (a whole workspace when two devices first meet is mostly
 * text, and shrinks several times over), through the platform's own CompressionStream.
 * Decompression stops at a size limit, so a small message cannot unpack into a huge one.
 */
export const compressionAvailable = (): boolean =>
  typeof CompressionStream === 'function' && typeof DecompressionStream === 'function'

const collect = async (stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> => {
  const reader = stream.getReader()
  const parts: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > limit) {
      await reader.cancel()
      throw new Error(`Decompressed message over ${limit} bytes`)
    }
    parts.push(value)
  }
  const out = new Uint8Array(size)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

const through = (bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> => {
  const source = new Blob([bytes as BlobPart]).stream().pipeThrough(transform as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
  return collect(source, limit)
}

export const gzip = (bytes: Uint8Array): Promise<Uint8Array> => through(bytes, new CompressionStream('gzip'), Number.MAX_SAFE_INTEGER)

export const gunzip = (bytes: Uint8Array, limit: number): Promise<Uint8Array> => through(bytes, new DecompressionStream('gzip'), limit)
