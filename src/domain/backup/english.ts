/**
 * Backup problems in plain English, for scripts, logs and tests (the screen uses backupProblem.* in
 * the learner's language). A field's expectation is read from the screen's English messages
 * (src/i18n/problems/en.ts), so each is written once.
 */
import en from '@/i18n/problems/en'
import type { BackupProblem } from './format'

/** A backup problem in plain English (`cards[0].stability: expected ...`), for logs and tests. */
export function describeBackupProblem(p: BackupProblem): string {
  switch (p.code) {
    case 'empty':
      return 'the file is empty; choose a backup file this app exported'
    case 'notJson':
      return 'not a JSON file: a backup of this app is JSON text that starts with "{"'
    case 'incomplete':
      return `the file is incomplete: it ends at line ${p.line}, column ${p.column}, before the backup does (it was probably cut off while saving or copying); export the backup again`
    case 'damaged':
      return `the file is damaged at line ${p.line}, column ${p.column}: ${p.reason}; export the backup again`
    case 'tooDeep':
      return `${p.path}: nested more than ${p.max} levels deep (line ${p.line}, column ${p.column}); no backup of this app is`
    case 'questionSet':
      return 'this is a question set, not a backup: import it on the Import screen'
    case 'notBackup':
      return '(file): expected a backup object'
    case 'duplicateKey':
      return `${p.path}: the key ${p.key} appears twice in one object (line ${p.line})`
    case 'missing':
      return `${p.path}: is missing`
    case 'invalid':
      return `${p.path}: ${en.backupProblem.expected[p.expected]}`
    case 'setRule':
      return `${p.path}: ${p.message}`
    case 'duplicate':
      return `${p.path}: duplicate ${p.value}`
    case 'sharedQuestion':
      return `${p.path}: the question id ${JSON.stringify(p.id)} is also in ${p.other}`
    case 'more':
      return `… and ${p.count} more problems`
    case 'unreadable':
      return `the file ${JSON.stringify(p.name)} could not be read (moved, deleted or changed after it was chosen); choose it again`
    case 'binary':
      return `not text but ${p.what === 'image' ? `a ${p.kind} image` : `a ${p.what} file`}: a backup is the .json file this app exports`
    case 'utf16NoBom':
      return 'UTF-16 text without a byte order mark, not the UTF-8 text a backup is'
    case 'utf16Invalid':
      return 'starts like UTF-16 text but is not valid UTF-16'
    case 'notUtf8':
      return `not valid UTF-8 text (first bad byte: byte ${p.byte}, line ${p.line})`
    case 'otherFormat':
      return `not a backup of this app: its format is ${p.format}`
    case 'newerVersion':
      return `written by a newer version of the app (backup format ${p.version}; this version reads format ${p.supported})`
  }
}
