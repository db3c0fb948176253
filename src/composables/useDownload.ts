// Long enough for the browser to start reading the file, short enough not to hold large backups in memory.
const REVOKE_AFTER_MS = 10_000

/** Saves a Blob as a file named `filename`, through an object URL and an <a download> click. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.style.display = 'none'
  // Firefox only follows a click on a link that is in the document.
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    // Revoking at once can cancel the download in Safari. A plain timer, not `useTimeoutFn`:
    // the URL must be freed even when the screen that asked for the file has gone.
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
}
