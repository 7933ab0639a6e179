/** Saves bytes as a file through the browser's own download, with no server involved. */
export const downloadBytes = (bytes: Uint8Array, fileName: string, type = 'application/octet-stream'): void => {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A file name from a workspace's name: letters, numbers and dashes. */
export const fileNameFor = (name: string, extension: string): string => {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'workspace'
  return `${base}-${new Date().toISOString().slice(0, 10)}.${extension}`
}
