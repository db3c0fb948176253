/**
 * Lenient readers for typed answers: text for `blank`, numbers for `numeric`.
 * Both are total: any string in, a value (or null) out, never an exception.
 */
import { DIGIT, INVISIBLE, normalizeText } from './normalForm.ts'

export { normalizeText }

// ---------------------------------------------------------------------------------------------
// Latin-script leniency

const ARTICLES = new Set(['a', 'an', 'the'])
const LATIN = /\p{Script=Latin}/u
const NON_LATIN_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/** Whether a text is written in Latin script (at least one Latin letter, no CJK). */
export function isLatinText(s: string): boolean {
  return LATIN.test(s.normalize('NFKC')) && !NON_LATIN_LETTER.test(s)
}

/** A plural's singular, for words of 4+ letters: companies → company, boxes → box, cracks → crack. */
export function singular(word: string): string {
  if (word.length < 4 || !/^\p{L}+$/u.test(word)) return word
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (/(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2)
  if (/(?:ss|us|is)$/.test(word)) return word
  if (word.endsWith('s')) return word.slice(0, -1)
  return word
}

export interface LatinWord {
  /** The word in normal form, singular. */
  folded: string
  /** The word as written (normal form, before singular): its length decides typo tolerance. */
  raw: string
  /** Letters only, no digits, not an id such as "ChatGPT" or "Qwen3": a typo may be forgiven. */
  plain: boolean
}

/**
 * The words of a Latin-script answer, as the lenient comparison sees them: split at spaces and
 * hyphens, in normal form, without a leading a/an/the, each in the singular.
 */
export function latinWords(s: string): LatinWord[] {
  if (typeof s !== 'string') return []
  const pieces = s
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .split(/[\s\p{Pd}_]+/u)
    .map((piece) => ({ original: piece, norm: normalizeText(piece) }))
    .filter((piece) => piece.norm !== '')
  if (pieces.length > 1 && ARTICLES.has(pieces[0]!.norm)) pieces.shift()
  return pieces.map(({ original, norm }) => ({
    folded: singular(norm),
    raw: norm,
    plain: /^\p{L}+$/u.test(norm) && !/\p{Ll}\p{Lu}/u.test(original.normalize('NFKC')),
  }))
}

const COMPANY_WORDS = new Set(['inc', 'incorporated', 'corp', 'corporation', 'co', 'ltd', 'limited', 'llc', 'plc', 'company', 'group', 'holding'])
/** A company's legal suffix, or the outlet a publisher writes through (港股研究社公众号, its WeChat account). */
const COMPANY_HAN = /(?:股份有限公司|有限公司|控股|集团|集團|公司|(?:微信)?公[众眾][号號])$/u

/** Whether a normal-form key is nothing but such a suffix: "（公众号）" glossing a name says nothing against it. */
export function isCompanySuffix(key: string): boolean {
  return key !== '' && key.replace(COMPANY_HAN, '') === ''
}

/**
 * A company's name without its legal suffix, so "Nvidia Corp" is "Nvidia" and 阿里巴巴集团 is
 * 阿里巴巴 (and a publisher's name without 公众号): in a normal-form key (Han suffixes) or a word
 * list (Latin ones). Never leaves nothing.
 */
export function withoutCompanySuffix(key: string): string {
  const rest = key.replace(COMPANY_HAN, '')
  return rest === '' ? key : rest
}
export function withoutCompanyWord(words: readonly LatinWord[]): LatinWord[] {
  const last = words[words.length - 1]
  return words.length > 1 && last && COMPANY_WORDS.has(last.folded) ? words.slice(0, -1) : [...words]
}

/** Words joined without separators, except between two digits (tokens are never merged). */
export function joinWords(words: readonly string[]): string {
  let out = ''
  for (const w of words) {
    if (out !== '' && DIGIT.test(out[out.length - 1]!) && DIGIT.test(w[0] ?? '')) out += ' '
    out += w
  }
  return out
}

/** Optimal string alignment distance (Levenshtein plus adjacent transposition), by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  const rows: number[][] = [Array.from({ length: y.length + 1 }, (_, j) => j)]
  for (let i = 1; i <= x.length; i++) {
    const row = [i]
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1)
      row.push(best)
    }
    rows.push(row)
  }
  return rows[x.length]![y.length]!
}

export const MIN_TYPO_WORD = 6

/**
 * Whether `given` is `expected` with one typo (one letter wrong, missing, extra, or two
 * neighbours swapped) inside one plain word of 6+ letters; in a name of 6+ letters written with
 * capitals inside ("ChatGPT"), only two neighbours swapped. Never in numbers or short words,
 * and never in a word's first letter: learners rarely slip there, and a changed first letter
 * is most often another word ("tracks" for "cracks", "refiners" for "definers").
 */
export function isOneTypoAway(expected: readonly LatinWord[], given: readonly LatinWord[]): boolean {
  // The expected text, and which expected word each of its characters belongs to.
  const ec: string[] = []
  const owner: (number | null)[] = []
  expected.forEach((w, index) => {
    if (ec.length > 0 && DIGIT.test(ec[ec.length - 1]!) && DIGIT.test(w.folded[0] ?? '')) {
      ec.push(' ')
      owner.push(null)
    }
    for (const ch of w.folded) {
      ec.push(ch)
      owner.push(index)
    }
  })
  const e = ec.join('')
  const g = joinWords(given.map((w) => w.folded))
  const gc = [...g]
  if (e === g || Math.abs(ec.length - gc.length) > 1) return false
  if (editDistance(e, g) !== 1) return false
  let p = 0
  while (p < ec.length && p < gc.length && ec[p] === gc[p]) p++
  const eligible = (at: number): boolean => {
    const index = owner[at]
    const word = index === null || index === undefined ? undefined : expected[index]
    return word !== undefined && word.plain && [...word.raw].length >= MIN_TYPO_WORD
  }
  const letter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c)
  // Two neighbours swapped is forgiven in a name written in letters too ("ChatGTP"): no other
  // name is one swap away, where a letter changed often is one ("ChatGLM").
  const swappable = (at: number): boolean => {
    const index = owner[at]
    const word = index === null || index === undefined ? undefined : expected[index]
    return word !== undefined && /^\p{L}+$/u.test(word.raw) && [...word.raw].length >= MIN_TYPO_WORD
  }
  /** Whether the expected character at `at` is the first letter of its word. */
  const first = (at: number): boolean => at === 0 || owner[at - 1] !== owner[at]
  if (gc.length === ec.length) {
    // A substitution at p, or a transposition of p and p + 1.
    const swapped = ec[p] === gc[p + 1] && ec[p + 1] === gc[p]
    if (swapped) return swappable(p) && owner[p] === owner[p + 1] && !first(p)
    return eligible(p) && letter(gc[p]) && !first(p)
  }
  if (gc.length === ec.length + 1) {
    // An extra letter typed at p: it belongs to the word on either side (the end of the one before, or inside the one at p).
    return letter(gc[p]) && ((eligible(p) && !first(p)) || eligible(p - 1))
  }
  // A letter of `e` missing at p.
  return eligible(p) && !first(p)
}

// ---------------------------------------------------------------------------------------------
// parseNumber

type Tok =
  /** A number: Arabic (maybe decimal, grouped, fraction, exponent), a Chinese digit or an English word. */
  | { k: 'num'; v: number; digits: string | null; space: boolean }
  /** 十 百 千: add (digit × unit) to the current section. */
  | { k: 'unit'; v: number }
  /** 万: multiplies the current section. */
  | { k: 'wan' }
  /** 亿 and English multipliers: multiply everything so far. `zh` marks 亿 (for "一亿五"). */
  | { k: 'big'; v: number; zh: boolean }
  /** 点, the Chinese decimal point. */
  | { k: 'point' }
  /** 分之: "四分之一" is 1/4. */
  | { k: 'of' }
  | { k: 'sign'; neg: boolean }
  /** Anything else: ends the current number. `word` when it is a word, not punctuation or a symbol. */
  | { k: 'gap'; word: boolean }

const ZH_DIGITS: Record<string, number> = {
  零: 0, 〇: 0,
  一: 1, 壹: 1,
  二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2,
  三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
}
const ZH_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 }
const ZH_WAN = new Set(['万', '萬'])
const ZH_YI = new Set(['亿', '億'])
const ZH_POINT = new Set(['点', '點'])
const ZH_NEGATIVE = new Set(['负', '負'])

const EN_MULTIPLIERS: Record<string, number> = {
  hundred: 1e2,
  hundreds: 1e2,
  thousand: 1e3,
  thousands: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  m: 1e6,
  mn: 1e6,
  // Newsroom abbreviations: "10 mil", "10 mln", "$30 bln".
  mil: 1e6,
  mln: 1e6,
  bln: 1e9,
  bil: 1e9,
  // Chinese readers' shorthand: w for 万 ("1000w", "10w+") and kw for 千万 ("1kw").
  w: 1e4,
  kw: 1e7,
  billion: 1e9,
  billions: 1e9,
  b: 1e9,
  bn: 1e9,
  trillion: 1e12,
  trillions: 1e12,
  tn: 1e12,
}

export const EN_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']
const EN_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
export const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
export const EN_WORDS = new Map<string, number>([
  ...EN_ONES.map((w, i) => [w, i] as [string, number]),
  ...EN_TEENS.map((w, i) => [w, 10 + i] as [string, number]),
  ...EN_TENS.flatMap((w, i) => (w ? [[w, i * 10] as [string, number]] : [])),
])

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁺': '+', '⁻': '-',
}

const MAX_INPUT = 1000

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

// Sticky patterns, used with lastIndex at the current position.
const GROUPED = /\d{1,3}([, ])\d{3}(?:\1\d{3})*(?!\d)/y
const INTEGER = /\d+/y
const DECIMAL = /\.\d+/y
/** A decimal comma: one or two digits after it ("0,3", "2,75"); never three ("1,500" groups thousands), four ("1,0000" is malformed) nor a list ("1,5,7"). */
const DECIMAL_COMMA = /,\d{1,2}(?![\d,])/y
const EXPONENT = /e[+-]?\d+/y
const POWER = /\s*\^\s*([+-]?\d+)/y
const TIMES_TEN = /\s*[x×*·]\s*10\s*\^\s*([+-]?\d+)/y
const SLASH = /\s*\/\s*(?=\d|\.\d)/y
const WORD = /[a-z]+/y
const HYPHEN_WORD = /-([a-z]+)/y

function stickyMatch(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at
  return re.exec(s)
}

/** A plain Arabic number at `at`: grouped or plain integer part, optional decimals. */
function lexPlain(s: string, at: number): { v: number; text: string; digits: string | null; end: number } | null {
  let end = at
  let intText = ''
  const grouped = stickyMatch(GROUPED, s, at) ?? stickyMatch(INTEGER, s, at)
  if (grouped) {
    intText = grouped[0].replace(/[, ]/g, '')
    end = at + grouped[0].length
  }
  // A decimal comma ("0,3", "2,75"): digits after a comma that are no group of thousands, after
  // digits that are not grouped themselves. "1,500" stays fifteen hundred.
  const comma = grouped && !/[, ]/.test(grouped[0]) ? stickyMatch(DECIMAL_COMMA, s, end) : null
  const dec = comma ?? stickyMatch(DECIMAL, s, end)
  if (dec) end += dec[0].length
  if (!grouped && !dec) return null
  const text = (intText || '0') + (dec ? `.${dec[0].slice(1)}` : '')
  return { v: Number(text), text, digits: dec ? null : intText, end }
}

/** An Arabic number with its exponent, power, "× 10^n" and "/ denominator" tails. */
function lexArabic(s: string, at: number): { v: number; digits: string | null; end: number } | null {
  const plain = lexPlain(s, at)
  if (!plain) return null
  let { v, digits, end } = plain
  const exp = stickyMatch(EXPONENT, s, end)
  if (exp) {
    // Let Number read the exponent: exact, and no underflow in the multiplier for 5e-324.
    v = Number(plain.text + exp[0])
    end += exp[0].length
    digits = null
  }
  const power = stickyMatch(POWER, s, end)
  if (power) {
    v **= Number(power[1])
    end += power[0].length
    digits = null
  }
  const times = stickyMatch(TIMES_TEN, s, end)
  if (times) {
    v *= 10 ** Number(times[1])
    end += times[0].length
    digits = null
  }
  const slash = stickyMatch(SLASH, s, end)
  if (slash) {
    const den = lexPlain(s, end + slash[0].length)
    if (den) {
      v /= den.v
      end = den.end
      digits = null
    }
  }
  return { v, digits, end }
}

function tokenize(s: string): Tok[] {
  const tokens: Tok[] = []
  const push = (tok: Tok): void => {
    const last = tokens[tokens.length - 1]
    if (tok.k === 'gap' && last?.k === 'gap') {
      if (tok.word) last.word = true
      return
    }
    tokens.push(tok)
  }
  let space = false
  let i = 0
  while (i < s.length) {
    const c = s[i]!
    const next = s[i + 1]
    if (/\s/.test(c)) {
      space = true
      i++
      continue
    }
    const hadSpace = space
    space = false

    if (isDigit(c) || (c === '.' && isDigit(next) && !isDigit(s[i - 1]))) {
      const num = lexArabic(s, i)
      if (num) {
        push({ k: 'num', v: num.v, digits: num.digits, space: hadSpace })
        i = num.end
        continue
      }
    }

    if ((c === '-' || c === '+') && (isDigit(next) || (next === '.' && isDigit(s[i + 2])))) {
      // A sign, unless it joins two words or numbers ("3-4", "covid-19").
      if (!/[\p{L}\p{N}]/u.test(s[i - 1] ?? '')) {
        push({ k: 'sign', neg: c === '-' })
        i++
        continue
      }
    }

    if (c >= 'a' && c <= 'z') {
      const word = stickyMatch(WORD, s, i)![0]
      let end = i + word.length
      const last = tokens[tokens.length - 1]
      const afterNumber = last !== undefined && (last.k === 'num' || last.k === 'unit' || last.k === 'wan' || last.k === 'big')
      const multiplier = EN_MULTIPLIERS[word]
      const value = EN_WORDS.get(word)
      if (afterNumber && multiplier !== undefined) {
        push({ k: 'big', v: multiplier, zh: false })
      } else if (value !== undefined) {
        let v = value
        // "twenty-one"
        const hyphen = value >= 20 && value % 10 === 0 ? stickyMatch(HYPHEN_WORD, s, end) : null
        const ones = hyphen ? EN_WORDS.get(hyphen[1]!) : undefined
        if (hyphen && ones !== undefined && ones >= 1 && ones <= 9) {
          v += ones
          end += hyphen[0].length
        }
        push({ k: 'num', v, digits: null, space: hadSpace })
      } else {
        push({ k: 'gap', word: true })
      }
      i = end
      continue
    }

    if (c === '分' && next === '之') {
      push({ k: 'of' })
      i += 2
      continue
    }
    const digit = ZH_DIGITS[c]
    const unit = ZH_UNITS[c]
    if (digit !== undefined) push({ k: 'num', v: digit, digits: String(digit), space: hadSpace })
    else if (unit !== undefined) push({ k: 'unit', v: unit })
    else if (ZH_WAN.has(c)) push({ k: 'wan' })
    else if (ZH_YI.has(c)) push({ k: 'big', v: 1e8, zh: true })
    else if (ZH_POINT.has(c)) push({ k: 'point' })
    else if (ZH_NEGATIVE.has(c)) push({ k: 'sign', neg: true })
    else push({ k: 'gap', word: /[\p{L}\p{N}]/u.test(c) })
    i++
  }
  return tokens
}

/** Split tokens into the separate numbers the text mentions. */
function group(tokens: readonly Tok[]): Tok[][] {
  const groups: Tok[][] = []
  let current: Tok[] = []
  const flush = (): void => {
    if (current.length > 0) groups.push(current)
    current = []
  }
  const hasValue = (): boolean => current.some((t) => t.k !== 'sign')
  for (const tok of tokens) {
    if (tok.k === 'gap') flush()
    else if (tok.k === 'sign') {
      flush()
      current.push(tok)
    } else {
      // "3 4" is two numbers; "30 billion" and "1.5 万" are one.
      if (tok.k === 'num' && tok.space && hasValue()) flush()
      current.push(tok)
    }
  }
  flush()
  return groups
}

const INVALID = Symbol('invalid')
type Value = number | typeof INVALID | undefined

/** Whether the digit run that `tok` is the second of goes on to a third digit. */
function isRunLonger(tokens: readonly Tok[], tok: Tok): boolean {
  return tokens[tokens.indexOf(tok) + 1]?.k === 'num'
}

/** Integer-style Chinese numeral (digits may be Arabic numbers): 三千八百亿, 1.5万, 一百零五. */
function evalInt(tokens: readonly Tok[]): Value {
  let result = 0
  let section = 0
  let number = 0
  let hasNumber = false
  let run = 0
  let prev: Tok | undefined
  for (const tok of tokens) {
    switch (tok.k) {
      case 'num':
        if (prev?.k === 'num') {
          // Positional digits: 二〇二四, or 零 followed by a digit in 一百零五. Two digits without
          // a zero are a spoken range ("三五个" = three to five), not a number.
          if (prev.digits === null || tok.digits === null) return INVALID
          if (++run === 2 && prev.v !== 0 && tok.v !== 0 && !isRunLonger(tokens, tok)) return INVALID
          number = number * 10 ** tok.digits.length + tok.v
        } else {
          number = tok.v
          run = 1
        }
        hasNumber = true
        break
      case 'unit':
        section += (hasNumber ? number : 1) * tok.v
        number = 0
        hasNumber = false
        break
      case 'wan':
        section = (section + (hasNumber ? number : section === 0 ? 1 : 0)) * 1e4
        number = 0
        hasNumber = false
        break
      case 'big': {
        let total = result + section + (hasNumber ? number : 0)
        if (total === 0 && !hasNumber) total = 1
        result = total * tok.v
        section = 0
        number = 0
        hasNumber = false
        break
      }
      default:
        return INVALID
    }
    prev = tok
  }
  // Spoken shorthand: 两千五 = 2500, 一万五 = 15000, 十六 = 16 (a last digit right after a unit).
  const last = tokens[tokens.length - 1]
  const before = tokens[tokens.length - 2]
  if (last?.k === 'num' && last.digits?.length === 1 && !last.space && before) {
    const unitValue =
      before.k === 'unit' ? before.v : before.k === 'wan' ? 1e4 : before.k === 'big' && before.zh ? before.v : 0
    if (unitValue > 0) number *= unitValue / 10
  }
  return result + section + number
}

/** A number without 分之: an integer part, maybe 点 and decimal digits, maybe trailing multipliers. */
function evalPlain(tokens: readonly Tok[]): Value {
  if (!tokens.some((t) => t.k === 'num' || t.k === 'unit' || t.k === 'wan' || t.k === 'big')) return undefined
  const points = tokens.filter((t) => t.k === 'point').length
  if (points === 0) return evalInt(tokens)
  if (points > 1) return INVALID
  const at = tokens.findIndex((t) => t.k === 'point')
  const intPart = tokens.slice(0, at)
  const intValue = intPart.length > 0 ? evalInt(intPart) : 0
  if (typeof intValue !== 'number') return INVALID
  const rest = tokens.slice(at + 1)
  let digits = ''
  let j = 0
  for (; j < rest.length; j++) {
    const tok = rest[j]!
    if (tok.k !== 'num' || tok.digits === null) break
    digits += tok.digits
  }
  let multiplier = 1
  for (const tok of rest.slice(j)) {
    if (tok.k === 'unit' || tok.k === 'big') multiplier *= tok.v
    else if (tok.k === 'wan') multiplier *= 1e4
    else return INVALID
  }
  return (intValue + (digits ? Number(`0.${digits}`) : 0)) * multiplier
}

function evalGroup(tokens: readonly Tok[]): Value {
  let body = tokens
  let negative = false
  const first = tokens[0]
  if (first?.k === 'sign') {
    negative = first.neg
    body = tokens.slice(1)
  }
  const ofs = body.filter((t) => t.k === 'of').length
  let value: Value
  if (ofs === 0) {
    value = evalPlain(body)
  } else {
    if (ofs > 1) return INVALID
    const at = body.findIndex((t) => t.k === 'of')
    const den = evalPlain(body.slice(0, at))
    const num = evalPlain(body.slice(at + 1))
    if (typeof den !== 'number' || typeof num !== 'number') return INVALID
    // 百分之三十 is 30 (%): a percentage is the number before the percent sign.
    value = den === 100 ? num : num / den
  }
  if (typeof value !== 'number') return value
  if (!Number.isFinite(value)) return INVALID
  return negative ? -value : value
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b))
}

export interface NumberScan {
  /** The one number the text mentions; null when none, or two different ones. */
  value: number | null
  /** The text has words besides the number (units, "about", names...). */
  wordy: boolean
  /** A multiplier word is part of the number: 万, 亿, thousand, billion, k, bn... */
  scaled: boolean
}

const NO_NUMBER: NumberScan = { value: null, wordy: false, scaled: false }

/** parseNumber, telling also whether there were other words and whether a multiplier was used. */
export function scanNumber(s: string): NumberScan {
  try {
    if (typeof s !== 'string' || s.length > MAX_INPUT) return NO_NUMBER
    const text = s
      // Superscript exponents: 10⁹ means 10^9; NFKC would turn it into "109".
      .replace(/10\s*([⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻]+)/g, (_m, sup: string) => `10^${[...sup].map((ch) => SUPERSCRIPTS[ch] ?? '').join('')}`)
      // Any other super/subscript is a unit (m², CO₂), not a digit.
      .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻₀₁₂₃₄₅₆₇₈₉₊₋]/g, '')
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u2212]/g, '-')
      .replace(/[\u2044\u2215]/g, '/')
      // The old single characters for twenty, thirty and forty (廿年 = 二十年).
      .replace(/[廿卄]/g, '二十')
      .replace(/卅/g, '三十')
      .replace(/卌/g, '四十')
    const tokens = tokenize(text)
    const wordy = tokens.some((t) => t.k === 'gap' && t.word)
    const scaled = tokens.some((t) => t.k === 'wan' || t.k === 'big')
    const values: number[] = []
    for (const g of group(tokens)) {
      const value = evalGroup(g)
      if (value === INVALID) return { value: null, wordy, scaled }
      if (value !== undefined) values.push(value)
    }
    const first = values[0]
    if (first === undefined || !values.every((v) => sameNumber(v, first))) return { value: null, wordy, scaled }
    return { value: first === 0 ? 0 : first, wordy, scaled }
  } catch {
    return NO_NUMBER
  }
}

/**
 * Reads a typed number leniently: "300亿美元", "30 billion dollars", "$30bn", "３００亿", "三千八百亿元",
 * "3,800亿", "1.5万", "一百一十九种", "约16年", "0.3%", "百分之零点三", "四分之一", "1/4", "-2.5e3".
 * Units, currency and approximation words are ignored; a percentage is the number before the %.
 * Returns null when there is no number, or two different ones ("3 or 4").
 */
export function parseNumber(s: string): number | null {
  return scanNumber(s).value
}
