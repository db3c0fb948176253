// A coded problem of a file in the learner's language: `importIssue.<code>` with its parameters,
// the validator's English words among them (`a list`, `a number or a string`) and the reason JSON
// stops where it does said in that language too. Shared by the import screen and the backup screen (a backup's imported set
// breaks the same rules). The set validator's messages have their English in one place, beside
// the shapes that recognise them (validatorCodes.ts): a language without its own wording of one
// (English) says it from there; so do the reasons strict JSON stops (jsonReasons.ts).
import type { Composer } from 'vue-i18n'
import { codeJsonReason, jsonReasonEnglish } from '@/domain/import/jsonReasons'
import { isValidatorCode, VALIDATOR_WORDS, validatorEnglish } from '@/domain/import/validatorCodes'
import type { IssueCode } from '@/domain/import/types'

type Say = Pick<Composer, 't' | 'te' | 'locale'>

/** Parameters that may hold the validator's words rather than the file's own text. */
const WORD_PARAMS = new Set(['expected', 'got'])

function words(t: Say['t'], value: string): string {
  const parts = value.split(' or ')
  if (!parts.some((p) => VALIDATOR_WORDS.has(p as never))) return value
  return parts
    .map((p) => {
      const key = VALIDATOR_WORDS.get(p as never)
      return key ? t(`importWord.${key}`) : p
    })
    .join(t('importWord.or'))
}

/** Why JSON stops where it does (`reason` of invalidJson and triedBoth), in the learner's language. */
function jsonReason({ t, te, locale }: Say, reason: string): string {
  const coded = codeJsonReason(reason)
  if (coded === null) return reason
  const { found, ...rest } = coded.params
  const params = found === undefined ? rest : { ...rest, found: found === 'end of file' ? t('importJsonReason.endOfFile') : found }
  const key = `importJsonReason.${coded.code}`
  // Its English is written once, beside the shapes (jsonReasons.ts); checked in the language shown alone.
  return te(key, locale.value) ? t(key, params) : jsonReasonEnglish(coded.code, params)
}

export function issueText(say: Say, code: IssueCode, params: Record<string, string | number> = {}): string {
  const { t, te, locale } = say
  const said = Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (typeof value !== 'string') return [name, value]
      if (name === 'reason') return [name, jsonReason(say, value)]
      return [name, WORD_PARAMS.has(name) ? words(t, value) : value]
    }),
  )
  const key = `importIssue.${code}`
  // Checked in the language shown alone: its fallback (Chinese) is no English.
  if (isValidatorCode(code) && !te(key, locale.value)) return validatorEnglish(code, said)
  return t(key, said)
}
