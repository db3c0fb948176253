/**
 * Problems with where the text comes from, before any of it is read as a set: an empty file or
 * paste, a paste over the size limit, a file the browser can no longer read. Each is a coded
 * issue, so the screen says it in the learner's language, and again in the other language when
 * the learner switches.
 */
import { formatMegabytes, issue, type ImportIssue } from './types'

/** A file with no text in it (0 bytes, a byte order mark alone, or only spaces and line breaks). */
export function emptyFileIssue(name: string): ImportIssue {
  return issue(
    'emptyFile',
    `The file “${name}” is empty: it holds no text, or only spaces and line breaks. Choose the file that holds your cards, or paste them below.`,
    { name },
  )
}

/** A paste of nothing, or of only spaces and line breaks. */
export function emptyPasteIssue(): ImportIssue {
  return issue('emptyPaste', 'The pasted text is empty: it has nothing but spaces or line breaks.')
}

/** A paste refused before the box took it. */
export function pasteTooBigIssue(bytes: number): ImportIssue {
  const size = formatMegabytes(bytes)
  return issue('pasteTooBig', `The pasted text is ${size} MB; the limit is 10 MB. Nothing was pasted: split it, or save it as a file and choose the file.`, { size })
}

/**
 * A chosen file the browser could not read: moved, renamed, deleted or changed since it was
 * chosen (NotFoundError, NotReadableError), or not readable at all.
 */
export function unreadableFileIssue(name: string): ImportIssue {
  return issue(
    'fileUnreadable',
    `The file “${name}” could not be read: it was moved, renamed, deleted or changed after it was chosen, or the browser may not read it. Choose the file again.`,
    { name },
  )
}
