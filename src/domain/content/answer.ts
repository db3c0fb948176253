/**
 * Grading: a question and the learner's response in, a verdict out. `checkAnswer` grades every
 * type; this module is the typed-answer grader (blank, numeric: normal forms, quantities, one
 * typo forgiven), and grade.ts the rest. The app grades through `gradeAnswer` (grade.ts), which
 * loads this module only for a typed answer.
 * Total over its inputs: a response of the wrong type, or a malformed one, is wrong, never an exception.
 */
import type { BlankQuestion, Localized, NumericQuestion, Question } from './schema.ts'
import type { CheckResult, Response } from './response.ts'
import {
  isCompanySuffix,
  isLatinText,
  isOneTypoAway,
  joinWords,
  latinWords,
  normalizeText,
  parseNumber,
  withoutCompanySuffix,
  withoutCompanyWord,
  type LatinWord,
} from './normalize.ts'
import { candidates, CLAUSE_END, contradicts, expectationOf, NUMBERISH, readQuantity, type Expectation, type Quantity } from './quantity.ts'
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
    // Any ending of the Chinese text before the gap, quotes and punctuation aside ("这是一场" for
    // "称这是一场“____”"), with the Latin words a Chinese sentence holds ("AI时代的" for
    // "才是AI时代的____"): an ending holds a Chinese character and never starts inside a Latin word.
    const keyBefore = [...keyOf(text.slice(0, at.index))]
    const endings: string[] = []
    for (let n = 1; n <= keyBefore.length; n++) {
      const head = keyBefore.slice(-n).join('')
      if (contextSize(head) > CONTEXT) break
      const start = keyBefore[keyBefore.length - n]!
      const previous = keyBefore[keyBefore.length - n - 1]
      const wholeWord = HAN.test(start) || previous === undefined || HAN.test(previous)
      if (wholeWord && HAN.test(head)) endings.push(head, ...looseEnding(head))
    }
    for (const head of endings) if (key.startsWith(head)) heads.add(head)
    // The answer introduced ("答案是", "它是"), or the prompt's sentence restated from its subject
    // or a pronoun: "阿里称这是一场恶意公关行动", "它排名第一". A subject opens a clause of the prompt
    // ("千问" for "…，千问 Qwen 的下载量…"), so a name inside a clause ("Llama排名第一") is no subject.
    const intro = INTRO_ZH.exec(key)?.[0]
    if (intro && key.length > intro.length) heads.add(intro)
    for (const lead of [...PRONOUNS_ZH, ...clauseSubjects(text.slice(0, at.index))])
      for (const head of endings) if (key.startsWith(lead + head)) heads.add(lead + head)
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

/**
 * Words that only introduce an answer: "答案是恶意公关行动", "它叫千问恐慌", "Answer: …", and hedges
 * (a right answer after 可能是 is still the answer, as "英伟达？" is).
 */
const INTRO_ZH = /^(?:answer|我猜是?|答案?[是为]?|(?:我(?:觉得|认为)|应该?|就|这|那|它们?|可能|大概|也许|或许|估计)?是|(?:它|这)?(?:叫做?|被?称为))/u
/** Pronouns that stand for the prompt's subject when a learner restates its sentence. */
const PRONOUNS_ZH = '它们 它 他们 他 她们 她 这 其'.split(' ')
const NEGATION_ZH = /[不非没沒无無别別]|未(?!来|來)/u

/**
 * The opening words of each clause of a Chinese prompt (2 to CONTEXT characters), as the subject a
 * learner may restate: "阿里" and "阿里巴巴" for "，阿里巴巴立即严正反驳，". Never a negation.
 */
function clauseSubjects(before: string): string[] {
  const out: string[] = []
  for (const clause of before.split(/[\p{P}]+/u)) {
    const chars = [...keyOf(clause)]
    for (let n = 2; n <= Math.min(CONTEXT, chars.length); n++) {
      const lead = chars.slice(0, n).join('')
      if (NEGATION_ZH.test(lead)) break
      out.push(lead)
    }
  }
  return out
}

/**
 * An ending of the prompt's text before the gap as a learner retypes it: without 了 ("完成半次" for
 * "完成了“____定义”") or the measure phrase that opens the gap ("称这是恶意公关行动" for "称这是一场“____”").
 */
function looseEnding(head: string): string[] {
  const loose = head.replace(/了/gu, '').replace(/[一这那](?:场|個|个|种|種|项|項|股|波)$/u, '')
  return loose !== head && loose !== '' ? [loose] : []
}

/** Place words after a noun ("裂缝中", "裂缝里", "裂缝之中" say the same), when the prompt ends its gap with one. */
const PLACE_WORDS = '之中|当中|當中|中|里|裡|裏|内|內'
const LOCATIVE = new RegExp(`(?:${PLACE_WORDS})$`, 'u')
const LOCATIVE_AFTER_GAP = new RegExp(`^(?:${PLACE_WORDS})(?!\\p{Script=Han})`, 'u')

/**
 * The answer without the grammar the Chinese prompt puts around its gap, in the learner's own
 * words: where a place word closes the gap ("留下的____里"), any place word and the 在 that opens
 * the phrase ("在裂缝中" for 裂缝); where a noun follows the gap ("____定义"), the 的 that ties
 * the answer to it ("一半的" for 一半).
 */
function withoutFrame(key: string, prompt: Localized): string[] {
  const at = GAP.exec(prompt.zh)
  if (!at) return []
  const raw = prompt.zh.slice(at.index + at[0].length)
  const out: string[] = []
  if (LOCATIVE_AFTER_GAP.test(raw)) {
    const rest = key.replace(/^在/u, '').replace(LOCATIVE, '')
    if (rest !== '' && rest !== key) out.push(rest)
  }
  if (HAN.test(raw[0] ?? '') && key.length > 1 && key.endsWith('的')) out.push(key.slice(0, -1))
  return out
}

/**
 * The answer without a noun of the Chinese prompt the learner restates after it, as the article
 * words it: "第一开源模型" for "在全球开源模型中排名第____". The noun is 2 to CONTEXT Chinese
 * characters of the gap's own clause, before the gap, never a negation; what is left must be a form.
 */
/** The people who do a thing, in words: "定义的人(们)" is 定义者, after at least one Chinese character. */
const AGENT_PHRASE = /(?<=\p{Script=Han})的人们?$/u

const NUMERAL_END = /[\d零〇一二两兩三四五六七八九十百千万萬亿億]$/u
const NUMERAL_START = /^[零〇一二两兩三四五六七八九十百千万萬亿億]/u

function withoutPromptNoun(key: string, prompt: Localized): string[] {
  const at = GAP.exec(prompt.zh)
  if (!at) return []
  const clause = keyOf(prompt.zh.slice(0, at.index).split(/[,.;:!?，。；：！？]/u).pop() ?? '')
  const chars = [...key]
  const out: string[] = []
  for (let n = 2; n <= Math.min(CONTEXT, chars.length - 1); n++) {
    const tail = chars.slice(-n).join('')
    if (!/^\p{Script=Han}+$/u.test(tail) || NEGATION_ZH.test(tail)) break
    const rest = chars.slice(0, -n).join('')
    // "第一千问" may be the thousandth: a numeral is never split from the numeral after it.
    if (NUMERAL_END.test(rest) && NUMERAL_START.test(tail)) continue
    if (clause.includes(tail)) out.push(rest)
  }
  return out
}

const HAN_NUMERALS = /[零〇一二两兩三四五六七八九十]+/gu

/** Chinese numerals as digits ("全球第一" → "全球第1"), so a form reads the same with either; a run that is no number ("一二") stays. */
function numeralsAsDigits(key: string): string {
  return key.replace(HAN_NUMERALS, (run) => {
    const value = parseNumber(run)
    return value === null ? run : String(value)
  })
}

/**
 * A name inside a form written in the other script: "阿里qwen" for 阿里千问, "alibaba千问" for
 * Alibaba Qwen. Each run of the typed text that is a form in one script, replaced by each form of
 * the other script; only whole runs, so no part of a word is swapped.
 */
function otherScriptSwaps(key: string, formKeys: readonly string[]): string[] {
  const runs = scriptRuns(key)
  if (runs.length < 2) return []
  const names = formKeys.filter((form) => scriptRuns(form).length === 1)
  const out: string[] = []
  runs.forEach((run, i) => {
    if (!names.includes(run)) return
    for (const name of names)
      if (HAN.test(name[0]!) !== HAN.test(run[0]!)) out.push([...runs.slice(0, i), name, ...runs.slice(i + 1)].join(''))
  })
  return out
}

const ARTICLE_WORDS = new Set(['a', 'an', 'the'])
/** Prepositions of place that stand for each other before a gap: "in the cracks" for "emerge from the ____". */
const LOCATIVE_PREPOSITIONS = new Set(['in', 'into', 'inside', 'within', 'from', 'among', 'amid', 'at'])
/** Words of emphasis a learner adds that change no claim: "panicking even before the battle". */
const EMPHASIS = new Set(['even', 'already', 'really', 'very', 'truly'])

function promptWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s\p{Pd}_]+/u)
    .map(normalizeText)
    .filter((word) => word !== '')
}

/**
 * The learner's English words without what the English prompt already says around its gap, so
 * that the article, plural and typo rules apply to the rest: "to consumers" for "AI to ____"
 * (consumer), "a half definition" for "____ definition" (half a). A preposition of place may
 * stand for the prompt's ("in the cracks" for "from the ____"). Also the words without emphasis.
 */
function latinVariants(given: readonly LatinWord[], prompt: Localized, articles = true): LatinWord[][] {
  const out: LatinWord[][] = []
  const plain = given.filter((word) => !EMPHASIS.has(word.raw))
  if (plain.length > 0 && plain.length < given.length) out.push(plain)
  const at = GAP.exec(prompt.en)
  if (!at) return out
  const kept = (words: string[]): string[] => (articles ? words : words.filter((w) => !ARTICLE_WORDS.has(w)))
  const before = kept(promptWords(prompt.en.slice(0, at.index)))
  const after = kept(promptWords(prompt.en.slice(at.index + at[0].length)))
  const raw = given.map((word) => word.raw)
  const heads = new Set([0])
  for (let n = 1; n <= Math.min(CONTEXT, before.length, raw.length - 1); n++)
    if (before.slice(-n).join(' ') === raw.slice(0, n).join(' ')) heads.add(n)
  for (const n of englishLeads(raw, prompt.en.slice(0, at.index), before)) heads.add(n)
  const preposition = ARTICLE_WORDS.has(before[before.length - 1] ?? '') ? before[before.length - 2] : before[before.length - 1]
  if (preposition !== undefined && LOCATIVE_PREPOSITIONS.has(preposition) && LOCATIVE_PREPOSITIONS.has(raw[0] ?? '') && raw.length > 1)
    heads.add(1)
  const tails = new Set([0])
  for (let m = 1; m <= Math.min(CONTEXT, after.length, raw.length - 1); m++)
    if (after.slice(0, m).join(' ') === raw.slice(-m).join(' ')) tails.add(m)
  for (const head of heads)
    for (const tail of tails) {
      if (head + tail === 0 || head + tail >= given.length) continue
      const rest = given.slice(head, given.length - tail)
      out.push(rest.length > 1 && ARTICLE_WORDS.has(rest[0]!.raw) ? rest.slice(1) : rest)
    }
  return out
}

/** Introductions and hedges, in words: a right answer after "maybe" is still the answer, as "Nvidia?" is. */
const INTRO_EN = /^(?:(?:the )?answer(?: is)?|i (?:think(?: that)?|believe|guess)|maybe|probably|perhaps) /
const PRONOUN_EN = /^(?:it|its|they|this|that|he|she|these)$/
const COPULA = /^(?:is|was|are|were|be)$/
/** A word's stem for matching a restated prompt verb: "ranks", "ranked", "ranking" → "rank". */
const stem = (word: string): string => (word.length > 4 ? word.replace(/(?:ing|ed|es|s)$/u, '') : word)

/**
 * How many of the learner's first words only lead to the answer: an introduction ("the answer is"),
 * then a pronoun or the subject that opens a clause of the prompt ("it", "Qwen" for "…, Qwen has
 * overtaken…"), then a copula or the prompt's words before the gap in any inflection ("ranks" for
 * "ranking ____"). A subject counts only with a copula or the prompt's words after it, so a name
 * inside a clause ("Llama ranks first") never stands for the subject. Each count leaves a word.
 */
function englishLeads(raw: readonly string[], beforeText: string, before: readonly string[]): number[] {
  // The introduction's word count: "the answer is " splits into four pieces, the last one empty.
  const at = (INTRO_EN.exec(`${raw.join(' ')} `)?.[0].split(' ').length ?? 1) - 1
  const out = [at]
  const subjects = beforeText
    .split(/[,.;:!?]+/u)
    .map(promptWords)
    .flatMap((words) => [1, 2, 3].filter((n) => n <= words.length).map((n) => words.slice(0, n)))
  const pronoun = PRONOUN_EN.test(raw[at] ?? '')
  const leads = pronoun ? [at + 1] : []
  for (const subject of subjects) if (subject.every((w, i) => raw[at + i] === w)) leads.push(at + subject.length)
  for (const lead of leads) {
    const start = COPULA.test(raw[lead] ?? '') ? lead + 1 : lead
    if (start > lead || pronoun) out.push(start)
    for (let n = 1; n <= Math.min(CONTEXT, before.length); n++)
      if (before.slice(-n).every((w, i) => stem(w) === stem(raw[start + i] ?? ''))) out.push(start + n)
  }
  return out.filter((n) => n > 0 && n < raw.length)
}

/** Percent and percentage points agree only where the prompt is about a difference. */
const GAP_PROMPT = /差距|差值|相差|百分点|\bgap\b|\bdifference\b|\bpoints?\b/i

/**
 * Whether two pure quantities name the same number: proportions compared, "25%" = "1/4" = "0.25".
 * A unit the learner adds to a form without one (a year, a day, money, percentage points) is another quantity.
 */
function sameQuantity(form: Quantity, given: Quantity, gap: boolean): boolean {
  // A form without a unit is a bare number or a proportion: "半年" or "1年" is no 半 or 第一, "25%" is 1/4.
  if (form.unit === null && given.unit !== null && given.unit !== 'percent') return false
  const expect: Expectation = {
    kind: form.unit === 'mixed' ? null : form.unit,
    hasUnit: form.unit !== null,
    scale: 1,
    gap,
    calendarMonth: false,
    unit: null,
    floor: false,
  }
  if (contradicts(expect, given.unit)) return false
  const proportion = (q: Quantity): number => (q.form === 'percent' ? q.value / 100 : q.value)
  const a = proportion(form)
  const b = proportion(given)
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

/**
 * Grades a typed blank. Right when the text matches a form in normal form (case, width, spaces
 * and punctuation aside; a two-part name in either order); for Latin-script forms also with or
 * without an article before a word, singular or plural, hyphen or space, words of emphasis; a
 * company with or without its legal suffix (Corp, Inc, 公司, 集团); with the prompt's words next to
 * the gap typed along, or the grammar the prompt puts around it (在裂缝中, 一半的, "in the cracks");
 * introduced (答案是, 可能是, "the answer is", "maybe", a label from the gap's clause: 来源：) or
 * inside the prompt's sentence restated from a pronoun or its clause's subject (它排名第一, "Qwen
 * ranks first"); for a
 * Chinese form also in traditional characters, with or without 的 and a leading 一场 / 一个, with
 * its numerals in digits, or with a name glossed or written in the other script ("英伟达（Nvidia）",
 * "阿里的Qwen"), a stray pinyin letter or a closing particle (了, 吧, 儿); for a number, in any of
 * its forms (1/4, 四分之一, a quarter, 25%, 0.25), never with a unit the form lacks (半年 is not 半).
 * Right with a spelling note when one typo is forgiven.
 */
export function checkBlank(question: Pick<BlankQuestion, 'answer' | 'accepted' | 'prompt'>, text: string): CheckResult {
  const key = keyOf(text)
  if (key === '') return { ...WRONG }
  const result = checkBlankText(question, text, key)
  if (result.correct) return result
  // What the learner typed around the answer, tried once each: a stray letter of the input
  // method, a closing particle, a label naming what the gap holds, a gloss in brackets.
  const retries = [withoutStrayLetter(text), withoutFinalParticle(text), withoutLabel(text, question.prompt), ...withoutGloss(text, question)]
  for (const rest of retries) {
    if (rest === null || keyOf(rest) === '') continue
    const inner = checkBlankText(question, rest, keyOf(rest))
    if (inner.correct) return inner
  }
  return result
}

/** A lone lowercase Latin letter glued to a Chinese answer, left by a pinyin input method: "恶意公关行动s". */
const STRAY_LETTER = /^[a-z](?=\p{Script=Han})|(?<=\p{Script=Han})[a-z]$/u

function withoutStrayLetter(text: string): string | null {
  const core = text.normalize('NFKC').replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
  const rest = core.replace(STRAY_LETTER, '')
  return rest !== core && HAN.test(rest) ? rest : null
}

/** A particle or 儿 closing a Chinese answer, which changes no claim: "未战而慌了", "源代码吧", "一半儿", "是英伟达吗" as "英伟达？". */
const FINAL_PARTICLE = /(?<=\p{Script=Han}\p{Script=Han})[了吧啊呀哦呢嘛吗儿]$/u

function withoutFinalParticle(text: string): string | null {
  const core = text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+$/u, '')
  const rest = core.replace(FINAL_PARTICLE, '')
  return rest !== core ? rest : null
}

/**
 * The answer without a gloss in brackets that names it again or names a party of one of its forms:
 * "GPT-4 (OpenAI)" for OpenAI GPT-4, "ChatGPT（OpenAI）", "OpenAI（ChatGPT）". A gloss of anything else
 * ("英伟达（AMD）", "GPT-4 (not GPT-5)") is kept, and so is the answer's verdict without it.
 */
function withoutGloss(text: string, question: Pick<BlankQuestion, 'answer' | 'accepted'>): string[] {
  const at = /^(.+?)\s*[(（]([^()（）]+)[)）]\s*$/su.exec(text.normalize('NFKC').trim())
  if (!at) return []
  const parts = new Set<string>()
  for (const form of blankForms(question)) {
    const key = keyOf(form)
    parts.add(key)
    for (const run of scriptRuns(key)) if ([...run].length >= 2) parts.add(run)
    if (isLatinText(form)) for (const word of latinWords(form)) if (word.raw.length >= 3) parts.add(word.raw)
  }
  const [, first, second] = at
  const out: string[] = []
  if (parts.has(keyOf(second!)) || isCompanySuffix(keyOf(second!))) out.push(first!)
  if (parts.has(keyOf(first!))) out.push(second!)
  return out
}

/** Labels that only announce an answer: "答案：…", "Answer: …". */
const ANSWER_LABELS = new Set(['答案', '答', 'answer', 'a'])

/**
 * The answer after a label that names what the gap holds: "来源：港股研究社" for "本文的来源是____",
 * "Source: …" for "names the article’s source: ____". The label is "answer" or words of the gap's
 * own clause in the prompt, so a name from elsewhere in the prompt ("Llama：第一") is no label.
 */
function withoutLabel(text: string, prompt: Localized): string | null {
  const at = /^([^:：]{1,20})[:：](.+)$/su.exec(text.normalize('NFKC'))
  if (!at) return null
  const label = keyOf(at[1]!)
  if (label === '' || NEGATION_ZH.test(label)) return null
  if (ANSWER_LABELS.has(label)) return at[2]!
  const clauses = [prompt.zh, prompt.en].map((p) => {
    const gap = GAP.exec(p)
    const before = (gap ? p.slice(0, gap.index) : '').replace(/[\s\p{P}]+$/u, '')
    return before.split(/[,.;:!?，。；：！？]/u).pop() ?? ''
  })
  const named = isLatinText(at[1]!)
    ? promptWords(at[1]!).every((word) => clauses.some((clause) => promptWords(clause).includes(word)))
    : [...label].length >= 2 && clauses.some((clause) => keyOf(clause).includes(label))
  return named ? at[2]! : null
}

function checkBlankText(question: Pick<BlankQuestion, 'answer' | 'accepted' | 'prompt'>, text: string, key: string): CheckResult {
  const forms = blankForms(question).filter((form) => keyOf(form) !== '')
  const formKeys = forms.map(keyOf)
  const bare = withoutCompanySuffix(key)
  const trimmed = [...withoutContext(key, question.prompt), ...withoutFrame(key, question.prompt)]
  trimmed.push(...trimmed.flatMap((rest) => withoutPromptNoun(rest, question.prompt)), ...withoutPromptNoun(key, question.prompt))
  // 者 said as 的人: "定义的人" for 定义者, "追随的人" for 追随者.
  for (const rest of [key, ...trimmed]) if (AGENT_PHRASE.test(rest)) trimmed.push(rest.replace(AGENT_PHRASE, '者'))
  const unpadded = new Set([key, ...trimmed].map(withoutPadding))
  for (const formKey of formKeys) {
    if (formKey === key || swapScripts(formKey) === key || withoutCompanySuffix(formKey) === bare) return { ...RIGHT }
    if (trimmed.includes(formKey) || unpadded.has(withoutPadding(formKey))) return { ...RIGHT }
  }
  if (bothScripts(key, new Set(formKeys))) return { ...RIGHT }
  const paddedForms = new Set(formKeys.map(withoutPadding))
  for (const candidate of unpadded)
    if (otherScriptSwaps(candidate, formKeys).some((swap) => paddedForms.has(withoutPadding(swap)))) return { ...RIGHT }
  const digitForms = new Set([...paddedForms].map(numeralsAsDigits))
  if ([...unpadded].some((candidate) => digitForms.has(numeralsAsDigits(candidate)))) return { ...RIGHT }
  const latin = isLatinText(text)
  const given = latin ? withoutCompanyWord(latinWords(text)) : []
  const latinForms = latin
    ? forms.filter(isLatinText).map((form) => ({ form, words: withoutCompanyWord(latinWords(form)) }))
    : []
  // The prompt's words typed along may also leave out or add its articles ("definers not followers"
  // for "the ____, not the followers"): compared again with no article before a word on either side.
  const bareGiven = given.filter((w, i) => i === given.length - 1 || !ARTICLE_WORDS.has(w.raw))
  const variants = latin
    ? [given, ...latinVariants(given, question.prompt), ...latinVariants(bareGiven, question.prompt, false)]
    : [given]
  // Also with no article before a word, in the typed words and the form alike ("panicking before
  // battle", "before a battle" for "before the battle"); an article that ends the words is kept ("half a").
  const joinFolded = (words: readonly LatinWord[], articles: boolean): string =>
    joinWords(words.filter((w, i) => articles || i === words.length - 1 || !ARTICLE_WORDS.has(w.raw)).map((w) => w.folded))
  for (const words of variants) {
    const joined = joinFolded(words, true)
    const noArticle = joinFolded(words, false)
    if (latinForms.some((form) => joinFolded(form.words, true) === joined || joinFolded(form.words, false) === noArticle))
      return { ...RIGHT }
  }

  const quantity = readQuantity(text)
  if (quantity?.pure && !quantity.denied) {
    const gap = GAP_PROMPT.test(`${question.prompt.zh} ${question.prompt.en}`)
    for (const form of forms) {
      const formQuantity = readQuantity(form)
      if (formQuantity?.pure && sameQuantity(formQuantity, quantity, gap)) return { ...RIGHT }
    }
  }

  // Prefer the English answer's spelling, then the accepted forms in their order.
  const ordered = [...latinForms].sort((a, b) => Number(b.form === question.answer.en) - Number(a.form === question.answer.en))
  for (const { form, words } of ordered) {
    if (variants.some((typed) => isOneTypoAway(words, typed))) return { ...RIGHT, note: { kind: 'spelling', expected: form.trim() } }
  }
  return { ...WRONG }
}

/**
 * Grades a typed number. The learner's unit, when given, must agree with the question's (no unit
 * = the question's unit): a contradicting one is wrong with a note naming the expected unit.
 * An answer with two quantities ("未来三年投入3800亿", "3800亿元（约530亿美元）") is graded on the
 * one in the question's unit; see `numberClauses`.
 */
export function checkNumeric(question: NumericQuestion, text: string): CheckResult {
  const expect = expectationOf(question)
  const options = { months: expect.calendarMonth }
  const whole = readQuantity(text, options)
  const result = gradeQuantity(question, expect, whole)
  if (whole !== null && whole.unit !== 'mixed') return result
  if (CONNECTOR.test(text.normalize('NFKC').toLowerCase())) return result
  const read = numberClauses(text).flatMap((clause) => readQuantity(clause, options) ?? [])
  // A figure with a multiplier (3800亿, "380 billion") is a sum, never a count of years, months or days.
  const kept = read.filter(
    (q) => !q.denied && !(q.capped && expect.floor) && !contradicts(expect, q.unit) && !(q.scaled && q.unit === null && TIME.has(expect.kind)),
  )
  // The same sum in two currencies ("3800亿美元（3800亿元）") is no conversion: the units disagree.
  const money = (kind: Quantity['unit']): boolean => MONEY.has(kind)
  if (money(expect.kind) && read.some((q) => !kept.includes(q) && !q.denied && money(q.unit) && kept.some((k) => k.value === q.value))) return result
  // Every figure left must be right: two in the question's unit ("11月 12月", "300亿美元，也可能是3000亿") are a hedge.
  return kept.length > 0 && kept.every((q) => gradeQuantity(question, expect, q).correct) ? { ...RIGHT } : result
}

const MONEY = new Set<Quantity['unit']>(['usd', 'cny', 'hkd', 'jpy', 'eur', 'fx'])
const TIME = new Set<Quantity['unit']>(['year', 'month', 'day'])

/** A range or a choice between two figures: "2到3年", "3-5年", "11月或12月", "three or four", "between". */
const CONNECTOR = /[或到至~～\-–—、和与與及跟]|还是|還是|\b(?:or|to|and|between|through)\b/u
/**
 * The text cut after each unit word and at brackets and clause marks (a comma not inside a
 * number), each piece with the words before it: "未来三年投入3800亿" → "未来三年", "投入3800亿";
 * "3800亿元（约530亿美元）" → "3800亿元", "约530亿美元". A piece with no number joins the next
 * ("$" in "$30bn"), or the last one at the end ("的硅谷" in "11月的硅谷").
 */
function numberClauses(text: string): string[] {
  const pieces: string[] = []
  let carry = ''
  for (const piece of text.normalize('NFKC').toLowerCase().split(CLAUSE_END)) {
    carry += piece
    if (NUMBERISH.test(piece)) {
      pieces.push(carry)
      carry = ''
    }
  }
  if (pieces.length > 0) pieces[pieces.length - 1] += carry
  return pieces.length > 1 ? pieces : []
}

/** One quantity against the question: its unit, whether it is denied, capped or vague, its value. */
function gradeQuantity(question: NumericQuestion, expect: Expectation, quantity: Quantity | null): CheckResult {
  if (quantity === null || quantity.denied || (quantity.capped && expect.floor)) return { ...WRONG }
  // "二十多年" names no figure: right only where the article gives the figure as a floor.
  if (quantity.above && !expect.floor) return { ...WRONG }
  if (contradicts(expect, quantity.unit) || countsOther(question, expect, quantity))
    return expect.unit ? { ...WRONG, note: { kind: 'unit', expected: { ...expect.unit } } } : { ...WRONG }
  return verdict(candidates(quantity, expect, question.value).some((v) => withinTolerance(question, v)))
}

/**
 * Whether the learner counts something else than the question: "119个国家" where it asks for
 * 种语言, "一千万列" for 行. Only for a question counting a thing (its unit is no currency, time or
 * percentage), and only when the counted word shares no character with the question's unit.
 */
function countsOther(question: NumericQuestion, expect: Expectation, quantity: Quantity): boolean {
  if (expect.kind !== null || !question.unit) return false
  const unit = new Set(foldTraditional(question.unit.zh))
  return quantity.counted.some((word) => ![...foldTraditional(word)].some((ch) => unit.has(ch)))
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
