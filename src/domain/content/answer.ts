/**
 * Grading: a question and the learner's response in, a verdict out. `checkAnswer` grades every
 * type; this module is the typed-answer grader (blank, numeric: normal forms, quantities, one
 * typo forgiven), and grade.ts the rest. The app grades through `gradeAnswer` (grade.ts), which
 * loads this module only for a typed answer.
 * Total over its inputs: a response of the wrong type, or a malformed one, is wrong, never an exception.
 */
import type { BlankQuestion, Localized, NumericQuestion, Question } from './schema.ts'
import type { CheckResult, Response } from './response.ts'
import { isLatinText, isOneTypoAway, joinWords, latinWords, normalizeText, withoutCompanySuffix, withoutCompanyWord } from './normalize.ts'
import { candidates, contradicts, expectationOf, readQuantity, type Expectation, type Quantity } from './quantity.ts'
import { blankForms, checkChosen, RIGHT, verdict, WRONG } from './grade.ts'
import { foldTraditional } from './traditional.ts'

export { blankForms, correctResponse, isTypedAnswer } from './grade.ts'

const HAN = /\p{Script=Han}/u

/** The form a typed blank is compared in: the normal form, traditional characters as simplified (千問 = 千问). */
function keyOf(s: string): string {
  return foldTraditional(normalizeText(s))
}

/**
 * A measure phrase a learner puts before a Chinese noun: 一场, 一个, 这个. Not before a number
 * word: "一个半" is one and a half, not 半.
 */
const LEADING_MEASURE = /^[一这那](?:场|個|个|种|種|项|項|股|波)(?=\p{Script=Han})(?![半零〇一二两三四五六七八九十百千万亿几多])/u

/**
 * A Chinese answer without its grammatical padding: the possessive or attributive 的 ("阿里的千问"
 * is 阿里千问, "空前的共识" is 空前共识) and a leading measure phrase ("一场恶意公关行动"). Applied to
 * the typed text and to each form alike, so it never turns a wrong answer into another form's words.
 */
function withoutPadding(key: string): string {
  return key.replace(LEADING_MEASURE, '').replace(/(?<=\p{Script=Han}|[a-z0-9])的(?=\p{Script=Han}|[a-z0-9])/gu, '')
}

/**
 * A name given in both scripts, as learners gloss it: "英伟达（Nvidia）", "C（消费者）", "Qwen 千问".
 * The two runs of the typed text (Han and the rest), when there are exactly two and each is a form.
 */
function bothScripts(key: string, formKeys: ReadonlySet<string>): boolean {
  const runs = scriptRuns(key)
  return runs.length === 2 && runs.every((run) => formKeys.has(run))
}

function scriptRuns(key: string): string[] {
  const runs: string[] = []
  for (const ch of key) {
    const last = runs[runs.length - 1]
    if (last !== undefined && HAN.test(last[0]!) === HAN.test(ch)) runs[runs.length - 1] = last + ch
    else runs.push(ch)
  }
  return runs
}

/** A two-part name in the other order: "千问qwen" ↔ "qwen千问". Null unless exactly one Han and one other run. */
function swapScripts(key: string): string | null {
  const runs = scriptRuns(key)
  return runs.length === 2 ? runs[1]! + runs[0]! : null
}

const GAP = /_{2,}|＿{2,}/
/** How much typed-along context is taken off: Chinese characters and English words, counted together. */
const CONTEXT = 8

/** The size of a piece of context: its Chinese characters plus its other words ("of the AI era" is 4). */
function contextSize(key: string): number {
  let size = 0
  for (const run of scriptRuns(key)) size += HAN.test(run[0]!) ? [...run].length : (run.match(/[\p{L}\p{N}]+/gu) ?? []).length
  return size
}

const HAN_ENDING = /\p{Script=Han}+$/u

/** Where typed-along context may begin or end: a space or a punctuation mark of either script. */
const BOUNDARY = /[\s\p{P}\p{S}]/u
/** Chinese particles and place words a learner types with a gap's answer ("的裂缝", "裂缝中"). */
const PARTICLES = new Set([...'的地得之中里内上下是在了'])

/**
 * The answer without the prompt's own words around the gap, when the learner typed them too:
 * "千问恐慌" for "“____恐慌”", "AI to C" for "AI to ____", "的裂缝中" for "迁移的____中。". Before
 * the gap, any ending of the Chinese text ("非终点" for "平视非____", "这是一场恶意公关行动" for
 * "称这是一场“____”"); otherwise
 * whole runs next to the gap, each reaching a space or a punctuation mark, or a single Chinese
 * particle right at the gap (的, 中, ...): "千问恐" for "“____恐慌”" is half a word, not the answer
 * with its context. At most CONTEXT characters or words; what is left must be a whole form.
 */
export function withoutContext(key: string, prompt: Localized): string[] {
  const out: string[] = []
  for (const text of [prompt.zh, prompt.en]) {
    const at = GAP.exec(text)
    if (!at) continue
    const rawBefore = [...text.slice(0, at.index)]
    const rawAfter = [...text.slice(at.index + at[0].length)]
    const heads = new Set([''])
    // Any ending of the Chinese text before the gap, quotes and punctuation aside ("这是一场" for "称这是一场“____”").
    const hanBefore = [...(HAN_ENDING.exec(keyOf(text.slice(0, at.index)))?.[0] ?? '')]
    for (let n = 1; n <= Math.min(CONTEXT, hanBefore.length); n++) {
      const head = hanBefore.slice(-n).join('')
      if (key.startsWith(head)) heads.add(head)
    }
    for (let i = rawBefore.length - 1; i >= 0; i--) {
      const particle = i === rawBefore.length - 1 && PARTICLES.has(rawBefore[i]!)
      if (i > 0 && !particle && !BOUNDARY.test(rawBefore[i - 1]!)) continue
      const head = keyOf(rawBefore.slice(i).join(''))
      if (contextSize(head) > CONTEXT) break
      if (key.startsWith(head)) heads.add(head)
    }
    const tails = new Set([''])
    for (let j = 1; j <= rawAfter.length; j++) {
      const particle = j === 1 && PARTICLES.has(rawAfter[0]!)
      if (j < rawAfter.length && !particle && !BOUNDARY.test(rawAfter[j]!)) continue
      const tail = keyOf(rawAfter.slice(0, j).join(''))
      if (contextSize(tail) > CONTEXT) break
      if (key.endsWith(tail)) tails.add(tail)
    }
    for (const head of heads)
      for (const tail of tails) {
        const rest = key.slice(head.length, key.length - tail.length)
        if ((head !== '' || tail !== '') && rest !== '' && head.length + tail.length < key.length) out.push(rest)
      }
  }
  return out
}

/** Percent and percentage points agree only where the prompt is about a difference. */
const GAP_PROMPT = /差距|差值|相差|百分点|\bgap\b|\bdifference\b|\bpoints?\b/i

/** Whether two pure quantities name the same number: proportions compared, "25%" = "1/4" = "0.25". */
function sameQuantity(form: Quantity, given: Quantity, gap: boolean): boolean {
  const expect: Expectation = {
    kind: form.unit === 'mixed' ? null : form.unit,
    hasUnit: form.unit !== null,
    scale: 1,
    gap,
    calendarMonth: false,
    unit: null,
  }
  if (contradicts(expect, given.unit)) return false
  const proportion = (q: Quantity): number => (q.form === 'percent' ? q.value / 100 : q.value)
  const a = proportion(form)
  const b = proportion(given)
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

/**
 * Grades a typed blank. Right when the text matches a form in normal form (case, width, spaces
 * and punctuation aside; a two-part name in either order); for Latin-script forms also without a
 * leading a/an/the, singular or plural, hyphen or space; a company with or without its legal
 * suffix (Corp, Inc, 公司, 集团); with the prompt's words next to the gap typed along; for a
 * Chinese form also in traditional characters, with or without 的 and a leading 一场 / 一个, or
 * glossed in the other script ("英伟达（Nvidia）"); for a number, in any of its forms
 * (1/4, 四分之一, a quarter, 25%, 0.25). Right with a spelling note when one typo is forgiven.
 */
export function checkBlank(question: Pick<BlankQuestion, 'answer' | 'accepted' | 'prompt'>, text: string): CheckResult {
  const key = keyOf(text)
  if (key === '') return { ...WRONG }
  const forms = blankForms(question).filter((form) => keyOf(form) !== '')
  const formKeys = forms.map(keyOf)
  const bare = withoutCompanySuffix(key)
  const trimmed = withoutContext(key, question.prompt)
  const unpadded = new Set([key, ...trimmed].map(withoutPadding))
  for (const formKey of formKeys) {
    if (formKey === key || swapScripts(formKey) === key || withoutCompanySuffix(formKey) === bare) return { ...RIGHT }
    if (trimmed.includes(formKey) || unpadded.has(withoutPadding(formKey))) return { ...RIGHT }
  }
  if (bothScripts(key, new Set(formKeys))) return { ...RIGHT }
  const latin = isLatinText(text)
  const given = latin ? withoutCompanyWord(latinWords(text)) : []
  const latinForms = latin
    ? forms.filter(isLatinText).map((form) => ({ form, words: withoutCompanyWord(latinWords(form)) }))
    : []
  const givenJoined = joinWords(given.map((w) => w.folded))
  if (latinForms.some(({ words }) => joinWords(words.map((w) => w.folded)) === givenJoined)) return { ...RIGHT }

  const quantity = readQuantity(text)
  if (quantity?.pure) {
    const gap = GAP_PROMPT.test(`${question.prompt.zh} ${question.prompt.en}`)
    for (const form of forms) {
      const formQuantity = readQuantity(form)
      if (formQuantity?.pure && sameQuantity(formQuantity, quantity, gap)) return { ...RIGHT }
    }
  }

  // Prefer the English answer's spelling, then the accepted forms in their order.
  const ordered = [...latinForms].sort((a, b) => Number(b.form === question.answer.en) - Number(a.form === question.answer.en))
  for (const { form, words } of ordered) {
    if (isOneTypoAway(words, given)) return { ...RIGHT, note: { kind: 'spelling', expected: form.trim() } }
  }
  return { ...WRONG }
}

/**
 * Grades a typed number. The learner's unit, when given, must agree with the question's (no unit
 * = the question's unit): a contradicting one is wrong with a note naming the expected unit.
 */
export function checkNumeric(question: NumericQuestion, text: string): CheckResult {
  const expect = expectationOf(question)
  const quantity = readQuantity(text, { months: expect.calendarMonth })
  if (quantity === null) return { ...WRONG }
  if (contradicts(expect, quantity.unit))
    return expect.unit ? { ...WRONG, note: { kind: 'unit', expected: { ...expect.unit } } } : { ...WRONG }
  return verdict(candidates(quantity, expect, question.value).some((v) => withinTolerance(question, v)))
}

/**
 * Whether `given` is within value ± tolerance. The tiny relative epsilon absorbs floating-point
 * error ("0.3" vs 0.1 + 0.2, 1.5 × 1e4), so a boundary answer is never rejected by rounding.
 */
export function withinTolerance(question: Pick<NumericQuestion, 'value' | 'tolerance'>, given: number): boolean {
  const { value, tolerance } = question
  if (!Number.isFinite(given) || !Number.isFinite(value)) return false
  const epsilon = 1e-9 * Math.max(Math.abs(value), Math.abs(tolerance))
  return Math.abs(given - value) <= Math.max(0, tolerance) + epsilon
}

/** Grades any question. For a typed answer this module must be loaded: the app calls `gradeAnswer`, which loads it first. */
export function checkAnswer(question: Question, response: Response): CheckResult {
  const chosen = checkChosen(question, response)
  if (chosen) return chosen
  try {
    switch (question.type) {
      case 'blank': {
        if (response.type !== 'blank' || typeof response.text !== 'string') return { ...WRONG }
        return checkBlank(question, response.text)
      }

      case 'numeric': {
        if (response.type !== 'numeric' || typeof response.text !== 'string') return { ...WRONG }
        return checkNumeric(question, response.text)
      }
    }
  } catch {
    // Only reachable with data that bypassed the types (e.g. a corrupted stored response).
    return { ...WRONG }
  }
  return { ...WRONG }
}
