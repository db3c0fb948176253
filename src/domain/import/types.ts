/**
 * Shared shapes and limits of the importer. Each problem has a plain English message (for logs,
 * tests and the authoring scripts) and, when the importer wrote it or recognises it, a code and
 * parameters the UI renders in the learner's language (the `importIssue` messages of src/i18n).
 * Every message of the set validator a file can raise has a code too (validatorCodes.ts).
 */
import type { QuestionSet } from '@/domain/content/schema'
import { MAX_TEXT } from '@/domain/content/schema'

export { MAX_TEXT }

/** 10 MB: far above any real deck, well below what a phone can parse without stalling. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024
export const MAX_QUESTIONS = 20_000
/** A question set is about 7 levels deep; anything far deeper is not one (and could blow the stack). */
export const MAX_JSON_DEPTH = 64
/** Longest idPrefix accepted, so `<prefix>-<id>` keeps room for the original id within 80 characters. */
export const MAX_PREFIX_LENGTH = 40

export interface ImportIssue {
  /** 1-based physical line in the file. */
  line?: number
  /** 1-based: the field number for CSV / TSV rows; the character column for JSON and for a control character. */
  column?: number
  /** Where in a JSON set: `question id › choices[1].text.en`. */
  path?: string
  message: string
  /** The message in the learner's language: `importIssue.<code>` of src/i18n, with `params`. */
  code?: IssueCode
  params?: Record<string, string | number>
}

/** Every problem the importer names, and every message of the set validator a file can raise. */
export type IssueCode =
  | 'fileTooBig'
  | 'noText'
  | 'emptyText'
  | 'unreadable'
  | 'utf16Invalid'
  | 'utf16NoBom'
  | 'zip'
  | 'image'
  | 'pdf'
  | 'gzip'
  | 'sqlite'
  | 'notUtf8'
  | 'controlNul'
  | 'controlChar'
  | 'triedBoth'
  | 'backupFile'
  | 'invalidJson'
  | 'tooDeep'
  | 'duplicateKey'
  | 'tooManyQuestions'
  | 'shortenIds'
  | 'unsafeKeys'
  | 'badSeparator'
  | 'quoteNotClosed'
  | 'quoteTextAfter'
  | 'htmlRemoved'
  | 'headerRow'
  | 'tooManyRows'
  | 'tooManyBlankLines'
  | 'noRows'
  | 'onlyHeader'
  | 'mixedSeparator'
  | 'moreProblems'
  | 'noSeparator'
  | 'oneColumnTab'
  | 'oneColumnComma'
  | 'oneColumnSemicolon'
  | 'oneColumnOther'
  | 'tooManyColumns'
  | 'termEmpty'
  | 'definitionEmpty'
  | 'mediaOnly'
  | 'termTooLong'
  | 'definitionTooLong'
  | 'choiceTooLong'
  | 'choiceRepeats'
  | 'duplicateTerm'
  | 'noTypedQuestion'
  | 'nameEmpty'
  | 'nameTooLong'
  | 'namePlaceholder'
  // The messages of the set validator, recognised by validatorCodes.ts.
  | 'vMissing'
  | 'vMissingLang'
  | 'vMissingType'
  | 'vNotAType'
  | 'vUnknownField'
  | 'vEmpty'
  | 'vTooLong'
  | 'vMaxEntries'
  | 'vMaxChars'
  | 'vPlaceholder'
  | 'vInvisible'
  | 'vBroken'
  | 'vEmptyAnswer'
  | 'vNotASet'
  | 'vQuestionIdUsed'
  | 'vKebab'
  | 'vOptionId'
  | 'vIdUsed'
  | 'vNeedsKeyPoint'
  | 'vNeedsQuestion'
  | 'vNeedsChoices'
  | 'vNeedsItems'
  | 'vNeedsPairs'
  | 'vMinOneChar'
  | 'vMinOneEntry'
  | 'vMinChars'
  | 'vWhole'
  | 'vOneOrMore'
  | 'vNegative'
  | 'vFiniteExample'
  | 'vFiniteGot'
  | 'vMustBe'
  | 'vSameText'
  | 'vNotAChoice'
  | 'vNotAnItem'
  | 'vListedTwice'
  | 'vTwoCorrect'
  | 'vAllCorrect'
  | 'vLeavesOut'
  | 'vToleranceSize'
  | 'vToleranceLoose'
  | 'vNumericShown'
  | 'vRepeats'
  | 'vNumberForms'
  // Where the text comes from (source.ts).
  | 'emptyFile'
  | 'emptyPaste'
  | 'pasteTooBig'
  | 'fileUnreadable'

/** A problem with its code, its parameters and its English message. */
export function issue(code: IssueCode, message: string, params?: Record<string, string | number>, where?: Pick<ImportIssue, 'line' | 'column' | 'path'>): ImportIssue {
  return { ...where, message, code, ...(params ? { params } : {}) }
}

export type ImportFormat = 'auto' | 'json' | 'csv'
// `string & Record<never, never>` keeps the named options in editor hints next to any custom string.
export type SeparatorOption = 'tab' | 'comma' | 'semicolon' | (string & Record<never, never>)

export interface ImportOptions {
  format: ImportFormat
  /** A named separator or the separator itself; absent or '' = detect. */
  separator?: SeparatorOption
  /** Whether the first row holds column names; 'auto' (the default) recognises "term,definition" and the like. */
  header?: boolean | 'auto'
  /** The set's title for CSV / TSV (JSON sets bring their own). */
  name?: string
  /** Lowercase kebab-case; every set and question id becomes `<idPrefix>-<original id>`. */
  idPrefix: string
}

/** What the importer decided, so the form can show it ("detected: tab, header row"). */
export interface ImportMeta {
  format: 'json' | 'csv'
  /** CSV / TSV only: the separator used. */
  separator?: string
  /** CSV / TSV only: whether the first data row was read as a header. */
  header?: boolean
  /** CSV / TSV only: data rows read (without header and comment lines). */
  rows?: number
}

export type ImportResult =
  | { ok: true; set: QuestionSet; warnings: ImportIssue[]; meta?: ImportMeta }
  | { ok: false; errors: ImportIssue[]; meta?: ImportMeta }

/** 12345 → "12,345". */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Bytes as MB with one decimal, rounded up so a file just over the limit never reads "10.0 MB". */
export function formatMegabytes(bytes: number): string {
  return (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)
}

/** The size error, or null when the file is small enough. */
export function sizeIssue(bytes: number): ImportIssue | null {
  if (bytes <= MAX_FILE_BYTES) return null
  const size = formatMegabytes(bytes)
  return issue('fileTooBig', `The file is ${size} MB; the limit is 10 MB.`, { size })
}

/** UTF-8 byte length of a string, without encoding it (TextEncoder is not part of the domain's lib). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

