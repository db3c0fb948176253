/**
 * Typed quantities: a number with the unit the learner gave (if any), read the way a careful
 * reader would, and the unit a question asks for. Pure and total: any string in, never an exception.
 *
 *   "0.3个百分点"  → 0.3, percentage points        "a quarter" → 1/4, a fraction
 *   "$380bn"       → 3.8e11, US dollars             "November"  → 11, a month (month questions only)
 *   "two decades"  → 20, years                       "25 %"      → 25, a percentage
 */
import type { Localized, NumericQuestion } from './schema.ts'
import { editDistance, EN_ONES, EN_TENS, EN_WORDS, parseNumber, scanNumber } from './normalize.ts'

/** Units a learner may name. Counting words (行, languages, 家公司) are not units: they never contradict. */
/** 'fx': a currency none of the others is (Taiwan, Singapore, Australian dollars, pounds...): it contradicts each of them. */
/** 'multiple': 倍 or "-fold", a ratio ("0.3倍" is 30 %, not 0.3 %): it contradicts every other unit. */
export type UnitKind = 'usd' | 'cny' | 'hkd' | 'jpy' | 'eur' | 'fx' | 'percent' | 'pp' | 'year' | 'month' | 'day' | 'multiple'

/** How a number was written, which decides how it converts to and from a percentage. */
export type NumberForm = 'percent' | 'fraction' | 'decimal' | 'whole'

export interface Quantity {
  /** The number as written, multipliers applied ("300亿" → 3e10, "two decades" → 20). */
  value: number
  form: NumberForm
  /** The unit the learner named; 'mixed' when they named two that disagree. */
  unit: UnitKind | 'mixed' | null
  /** A multiplier word was used (万, 亿, billion, k...). */
  scaled: boolean
  /** Nothing but a number, a unit and filler words ("about", "第", "个"): no other word. */
  pure: boolean
  /**
   * The learner denies the number or puts it as a strict upper bound ("not 3", "不是三年", "不到3800亿",
   * "less than 3 years"): it is not the figure they claim. A floor ("不少于", "no less than") and a
   * cap ("不超过", "at most") are not denials: "超3800亿" and "最多千万行" are how figures are stated.
   */
  denied: boolean
  /** The learner gives the number as a cap ("不超过3800亿", "最多", "at most", "up to"): wrong where the article states a floor. */
  capped: boolean
  /**
   * A vague figure above the number: "二十多年", "3800余亿", "20+", "twenty-odd", "twenty-something".
   * It names no number, so it is right only where the article states the figure as a floor (超3800亿).
   */
  above: boolean
  /** The Chinese words the numbers count, after any measure word: ["国家"] in "119个国家", ["行", "列"] in "千万行，千万列". */
  counted: string[]
}

// Unit words, in the order they are looked for: longer and more specific first ("美元" before "元").
// A currency code counts glued to its number too ("USD30bn", "RMB3800亿").
const UNIT_PATTERNS: [UnitKind, RegExp][] = [
  ['pp', /个?百分点|percentage[\s-]*points?|pct\.?\s*pts?|(?<=\d\s*)p\.?p\b|(?<=\d\s*)pts?\b/g],
  ['percent', /%|\bper\s*cent\b|\bpercent(?:age)?\b|\bpct\b/g],
  ['hkd', /港[元币幣]|hk\s*\$|(?<![a-z])hkd(?![a-z])|\b(?:hong\s*kong|hk)\s*dollars?\b/g],
  // Before 'usd': a dollar with another country's name is not a US dollar ("NT$", "Singapore dollars").
  [
    'fx',
    /新?台[币幣]|新加坡元|新[币幣]|[澳加][元币幣]|[纽紐韩韓]元|英[镑鎊]|[卢盧][比布]|法郎|\b(?:new\s*taiwan|taiwan(?:ese)?|singapore|australian|canadian|new\s*zealand|nz)\s*dollars?\b|\b(?:nt|s|a|c|nz)\$|(?<![a-z])(?:twd|ntd|sgd|aud|cad|nzd|gbp|chf|krw|inr|rub)(?![a-z])|£|₩|₹|₽|\bpounds?\s+sterling\b|\bsterling\b|\b(?:rupees?|roubles?|rubles?|swiss\s*francs?|francs?)\b/g,
  ],
  ['jpy', /日[元圓]|円|(?<![a-z])jpy(?![a-z])|\byen\b/g],
  ['eur', /[欧歐]元|€|(?<![a-z])eur(?![a-z])|\beuros?\b/g],
  ['usd', /美元|美金|us\s*\$|\$|(?<![a-z])usd(?![a-z])|\b(?:us\s*|american\s*)?dollars?\b|\bbucks?\b/g],
  ['cny', /人民[币幣]|元|[块塊]钱|塊錢|块|¥|(?<![a-z])(?:rmb|cny)(?![a-z])|\byuan\b|\brenminbi\b/g],
  ['multiple', /倍|-?\bfold\b|(?<=\d\s*)times\b/g],
  ['year', /个?年|\byears?\b|\byrs?\b/g],
  ['month', /个月|個月|月|\bmonths?\b/g],
  ['day', /天|日|\bdays?\b/g],
]

/** Where a quantity ends, to split an answer into its quantities: after a unit word (kept with its number), at a bracket or a clause mark. */
export const CLAUSE_END = new RegExp(`(?<=${UNIT_PATTERNS.map(([, p]) => p.source).join('|')})|[，；;。（）()【】\\[\\]]|,(?!\\d)`)

/**
 * A name of letters with a version number glued on (qwen3, gpt-4, qwen2.5, llama3-70b), unless the
 * letters are a currency, "No" or "top" written before the number ("USD30bn", "No1", "top1").
 */
const MODEL_NAME =
  /(?<![a-z0-9])(?!(?:usd|cny|rmb|hkd|eur|jpy|gbp|aud|cad|sgd|twd|ntd|krw|inr|rub|chf|nzd|us|no|nr|top)[-‐]?\d)[a-z]{2,}[-‐]?\d+(?:\.\d+)?(?:[-‐]?[a-z][a-z0-9]*)?(?![a-z0-9])/g

const DECADE = /\b(?:(a|one)\s+)?decades?\b/g

const MONTHS = [
  'jan(?:uary)?', 'feb(?:ruary)?', 'mar(?:ch)?', 'apr(?:il)?', 'may', 'june?', 'july?', 'aug(?:ust)?',
  'sep(?:t(?:ember)?)?', 'oct(?:ober)?', 'nov(?:ember)?', 'dec(?:ember)?',
]
const MONTH_NAME = new RegExp(`\\b(${MONTHS.join('|')})\\b\\.?`, 'g')

const MONTH_EXACT = MONTHS.map((p) => new RegExp(`^(?:${p})$`))
const MONTH_FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
/** A month's full name with one typo (a letter wrong, missing, extra or swapped), in a name of 6+ letters, not in its first letter. */
function monthTypo(word: string): string {
  const near = MONTH_FULL.filter((m) => m.length >= 6 && m[0] === word[0] && editDistance(m, word) === 1)
  return near.length === 1 ? near[0]! : word
}

/**
 * A floor on the number, said the way figures are stated ("不少于3800亿" like "超3800亿"), and the
 * other phrases with 不 or 没 that deny nothing (差不多 "about", 没错 "that's right"): filler.
 */
const FLOOR = /不少于|不低于|不小于|不下于|不下|不止|差不多|没错|沒錯|\b(?:no|not)\s+(?:less|fewer|lower)\s+than\b/g
/**
 * A cap ("不超过", "最多", "at most", "up to"): no denial, as "最多千万行" states a capacity, but
 * words of its own, not filler, and wrong where the article states a floor ("超3800亿").
 */
const CAP = /不超过|不超出|不多于|不高于|不大于|最多|至多|顶多|頂多|\bat\s+most\b|\bup\s+to\b|\b(?:no|not)\s+(?:more|greater|higher)\s+than\b/g
/** Words that deny the number or put it as a strict upper bound: "不是", "非", "不到", "以下", "not", "less than", "under". */
const DENIAL =
  /不|非(?!常)|没|沒|并非|並非|少于|少於|低于|低於|小于|小於|未满|未滿|以下|之下|\b(?:less|fewer|lower)\s+than\b|\bunder\b|\bbelow\b|\bnot\b|n['’]t\b|\bnever\b/
/**
 * "Several" before a multiplier: 几千万, 数百万, 十几年, "tens of millions", "several thousand", "a few
 * million". A range, not one number.
 */
const SEVERAL =
  /[几幾数數](?=\s*[十拾百佰千仟万萬亿億])|[十拾百佰千仟万萬亿億]\s*[几幾]|\bseveral\b|\ba\s+few\b|\bdozens\b|\b(?:tens|hundreds|thousands|millions|billions)\s+of\b/
/**
 * A vague figure above a number: 多 / 余 right after it ("二十多年", "3800余亿", not 最多 or 多半), a
 * plus sign after it ("20+"), "-odd" and "-something" ("twenty-odd years").
 */
const ABOVE =
  /(?<=[\d零〇一二两兩三四五六七八九十百千万萬亿億]\s*)[多余餘](?![半少])|(?<=[\d\p{L}]\s*)\+(?![\d.])|\b[a-z0-9]+[\s-]+(?:odd|something|plus)\b/u
/**
 * The Chinese word a number counts, once fillers and measure words are gone: the first run of
 * Chinese characters after the number and its multiplier ("一千万列" → 列, "119 国家" → 国家), unless
 * it only sizes the number (千万级, 千万量级, 千万上下) or closes the sentence (119种吧, 119种而已).
 */
const COUNTED =
  /[\d零〇一二两兩三四五六七八九十百千万萬亿億]\s*(?![\d零〇一二两兩三四五六七八九十百千万萬亿億\s])(?!级|級|量级|量級|规模|規模|上下|水平|[吧吗嗎呢啊呀哦嘛了啦呗唄而就])(\p{Script=Han}+)/gu
/** A year of this era, alone ("November 2025") or before a month in Chinese ("2025年11月"). */
const YEAR = /(?<![\d.,])(?:19|20)\d{2}(?![\d.,%])/g
const YEAR_BEFORE_MONTH = /(?<![\d.,])(?:19|20)\d{2}\s*年(?=\s*[\d零〇一二三四五六七八九十]+\s*月)/g
const ORDINALS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
]
const ORDINAL_WORD = new RegExp(`\\b(${ORDINALS.join('|')})\\b`, 'g')
const DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5,
  sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10,
}
const SMALL: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 }
const FRACTION_WORDS = new RegExp(
  `\\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|\\d+)[\\s-]+)?(${Object.keys(DENOMINATORS).join('|')})\\b`,
  'g',
)

const EN_SMALL: Record<string, number> = Object.fromEntries(EN_WORDS)
const EN_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }
const EN_WORD = `(?:${[...Object.keys(EN_SMALL), 'hundred', ...Object.keys(EN_SCALES)].join('|')})s?`
const EN_RUN = new RegExp(`\\b${EN_WORD}(?:(?:\\s+|\\s*-\\s*|\\s+and\\s+)${EN_WORD})+\\b`, 'g')

const DIGIT_WORDS = EN_ONES
const WHOLE_WORD = `(?:(?:${EN_TENS.slice(2).join('|')})(?:[\\s-](?:${DIGIT_WORDS.slice(1).join('|')}))?|${Object.keys(EN_SMALL).join('|')})`
/**
 * A decimal said in words: "zero point three", "point three", "2 point five". The digits after
 * "point" are read one by one, as they are spoken ("point one five" is .15, not .2).
 */
const SPOKEN_DECIMAL = new RegExp(`(?:\\b(${WHOLE_WORD})[\\s-]+|(\\d)\\s*)?\\bpoint((?:[\\s-]+(?:${DIGIT_WORDS.join('|')}))+)\\b`, 'g')

function spokenDecimal(_m: string, word: string | undefined, digit: string | undefined, fraction: string): string {
  const digits = fraction.trim().split(/[\s-]+/).map((w) => DIGIT_WORDS.indexOf(w)).join('')
  if (digit !== undefined) return `${digit}.${digits} `
  const whole = word === undefined ? 0 : word.split(/[\s-]+/).reduce((sum, w) => sum + (EN_SMALL[w] ?? 0), 0)
  return ` ${whole}.${digits} `
}

/** A run of English number words as digits: "three hundred eighty billion" → 380000000000. */
function englishRun(run: string): number | null {
  let total = 0
  let current = 0
  let any = false
  for (const raw of run.split(/[\s-]+/)) {
    const word = raw.replace(/s$/, '')
    if (raw === 'and') continue
    if (raw in EN_SMALL || word in EN_SMALL) {
      const v = EN_SMALL[raw] ?? EN_SMALL[word]!
      const low = current % 100
      // "twenty five" adds up; "twenty twenty" or "five six" are two numbers.
      if (v < 10 ? low % 10 !== 0 : low !== 0) return null
      current += v
      any = true
    } else if (word === 'hundred') current = (any ? current : 1) * 100
    else if (word in EN_SCALES) {
      total += (any || current > 0 ? current : 1) * EN_SCALES[word]!
      current = 0
    } else return null
  }
  return total + current
}

/**
 * Words that say nothing about the number: approximations, ordinal marks, counters. "top" also
 * glued to its number ("TOP1"); 至少 / 起码 (at least) like "at least"; 多 and 强 ("二十多", "四分之一强",
 * a little over) only right after a number: "多半" is "mostly", not a half. 大 only in 大约 / 大概:
 * "大半" is "the greater part".
 */
const FILLER =
  /\b(?:a|an|the|of|about|around|approx(?:imately)?|roughly|nearly|almost|over|above|more\s+than|at\s+least|some|no|number|place|rank(?:ed)?|top|st|nd|rd|th|times?)\b|\btop(?=\d)|\bor\s+(?:more|so|above)\b|\bplus\b|至少|最少|起码|逾|起碼|大约|大約|大概|大致|(?<=[\d一二三四五六七八九十百千万萬亿億]\s*)[多强強]|[~≈约約近将將超过過以上余餘左右第名位个個次种種家项項条條]/g

/**
 * 一 or "one" counting the noun after it (一共, 一次, 一张表, "one table", "in one go"), not part of a
 * numeral, a range ("一到两年", "one or two"), a fraction ("one half") or one and a half ("一个半",
 * "one year and a half"; 半 reads as 1/2 by then). Left out only when the text holds another number besides it.
 */
const LONE_ONE =
  /(?<![\d零〇一二两兩三四五六七八九十百千万萬亿億点點拾佰仟.第])[一壹](?![\d零〇一二两兩三四五六七八九十百千万萬亿億点點半分拾佰仟到至或和与與及、~\-－—])(?=\p{Script=Han})(?!\p{Script=Han}\s*(?:半|1\/2))|\bone\b(?=\s+[a-z])(?!\s+[a-z]+\s+and\s+(?:a\s+)?half\b)(?!\s+(?:hundred|thousand|million|billion|trillion|half|halves|quarters?|thirds?|fourths?|fifths?|or|to|and|point|of|in|out|more|less|plus|minus|over|per)\b)/gu

/** A number of tenths (成): 三成, 两成半, 2.5成; not 成本, 成为, 成功, 成立, 成熟, 成长. */
const TENTHS = /(\d+(?:\.\d+)?|[零〇一二两兩三四五六七八九十]+)\s*成(半)?(?![本为為功立熟长長])/g

/** Anything a number could be written with; text without any of it holds no number. */
export const NUMBERISH =
  /[\p{Nd}零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾廿卄卅卌百佰千仟万萬亿億半]|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twelfth|teen|twenty|twentieth|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|half|quarter|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|first|second|decade|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/u

export interface ReadOptions {
  /** Month names (November, Nov., 十一月) stand for their number: the question asks for a month. */
  months?: boolean
}

/** Reads a typed quantity; null when the text holds no one number. */
export function readQuantity(text: string, options: ReadOptions = {}): Quantity | null {
  if (typeof text !== 'string' || text.length > 1000) return null
  let t = text.normalize('NFKC').toLowerCase().replace(/\p{Cf}/gu, '')
  if (!NUMBERISH.test(t) || SEVERAL.test(t)) return null
  t = t.replace(FLOOR, ' ')
  const denied = DENIAL.test(t.replace(CAP, ' '))
  const capped = new RegExp(CAP.source).test(t)
  const above = ABOVE.test(t)
  // "380-plus billion": the plus said, the number and its multiplier read together.
  t = t.replace(/(?<=\d)\s*-?\s*plus\b/g, ' ')
  let form = 'whole' as NumberForm
  const units = new Set<UnitKind>()

  if (options.months) {
    t = t.replace(/\b[a-z]{6,}\b/g, monthTypo)
    // Where a month is asked for, 号 after a number is a day of the month ("11号"), as 日 is; elsewhere it is "No." (1号).
    t = t.replace(/(?<=[\d零〇一二两三四五六七八九十]\s*)[号號]/g, () => {
      units.add('day')
      return ' '
    })
    let named = false
    t = t.replace(MONTH_NAME, (_m, name: string) => {
      units.add('month')
      named = true
      return ` ${MONTH_EXACT.findIndex((re) => re.test(name)) + 1} `
    })
    // The year given with the month says when, not which month: "2025年11月", "November 2025".
    t = t.replace(YEAR_BEFORE_MONTH, ' ')
    if (named) t = t.replace(YEAR, ' ')
  }
  // A model's name is no number: "Qwen3 supports 119 languages", "GPT-4: 119".
  t = t.replace(MODEL_NAME, ' model ')
  // "two decades" = 20 years; "a decade" = 10.
  let decades = false
  t = t.replace(DECADE, (_m, one: string | undefined) => {
    units.add('year')
    if (one) return ' 10 '
    decades = true
    return ' '
  })

  // Tenths: "三成" is 3/10, "两成半" and "2.5成" are 1/4 (not 成本, 完成: only after a number).
  t = t.replace(TENTHS, (match, n: string, half: string | undefined) => {
    const v = parseNumber(n)
    if (v === null) return match
    form = 'fraction'
    return ` ${(v + (half ? 0.5 : 0)) * 10}/100 `
  })
  // Fractions in words: a quarter, one half, two thirds, 一半, 半.
  t = t.replace(FRACTION_WORDS, (match, count: string | undefined, word: string) => {
    const den = DENOMINATORS[word]!
    // "fourth" alone is an ordinal; "half" and "quarter" alone are fractions.
    if (count === undefined && !['half', 'quarter', 'quarters'].includes(word)) return match
    const num = count === undefined ? 1 : (SMALL[count] ?? Number(count))
    form = 'fraction'
    return ` ${num}/${den} `
  })
  t = t.replace(/一半|半/g, () => {
    form = 'fraction'
    return ' 1/2 '
  })
  t = t.replace(SPOKEN_DECIMAL, spokenDecimal)
  t = t.replace(ORDINAL_WORD, (_m, word: string) => ` ${ORDINALS.indexOf(word) + 1} `)
  let wordScaled = false
  t = t.replace(/\ba\s+(hundred|thousand|million|billion|trillion)\b/g, 'one $1')
  t = t.replace(EN_RUN, (run) => {
    const value = englishRun(run)
    if (value === null) return run
    if (/thousand|million|billion|trillion/.test(run)) wordScaled = true
    return ` ${value} `
  })

  // Per mille: "3‰" is 3/1000, a proportion like 千分之三 (0.3 %).
  t = t.replace(/(\d+(?:\.\d+)?)\s*(?:‰|\bper\s*mille\b)/g, (_m, n: string) => {
    form = 'fraction'
    return ` ${n}/1000 `
  })
  // 百分之三十 stays for the number parser, which reads it as 30 (the number before the %).
  if (/百分之/.test(t)) units.add('percent')
  for (const [kind, pattern] of UNIT_PATTERNS) {
    t = t.replace(pattern, () => {
      units.add(kind)
      return ' '
    })
  }
  if (/\d\s*\/\s*\.?\d/.test(t) || /分之/.test(t.replace(/百分之/g, ''))) form = 'fraction'
  if (units.has('percent') || units.has('pp')) form = 'percent'
  else if (form === 'whole' && (/\d\.\d|(?<![\d.])\.\d/.test(t) || /[点點]/.test(t))) form = 'decimal'

  // Ordinal marks: 1st, 2nd, 3rd, 4th.
  t = t.replace(/(\d)\s*(?:st|nd|rd|th)\b/g, '$1 ')
  const stripped = t.replace(FILLER, ' ')
  let read = stripped
  let scan = scanNumber(read)
  // Two numbers, one of them 一 / "one" counting a noun ("一共3800亿", "in one go"): the other is the
  // figure, in words of their own (never a bare number a blank could take).
  if (scan.value === null) {
    read = t.replace(LONE_ONE, ' ').replace(FILLER, ' ')
    scan = { ...scanNumber(read), wordy: true }
  }
  if (scan.value === null) return null
  let value = scan.value
  if (decades) value *= 10
  const counted = [...read.matchAll(COUNTED)].map((m) => m[1]!)
  const unit = units.size === 0 ? null : units.size === 1 ? [...units][0]! : pickUnit(units)
  return { value, form, unit, scaled: scan.scaled || wordScaled, pure: !scan.wordy, denied, capped, above, counted }
}

/** Two units named together: "%" beside 百分点 is one unit; anything else is 'mixed'. */
function pickUnit(units: Set<UnitKind>): UnitKind | 'mixed' {
  if (units.has('percent') && units.has('pp') && units.size === 2) return 'pp'
  return 'mixed'
}

// ---------------------------------------------------------------------------------------------
// What a question asks for

export interface Expectation {
  /** The kind of unit the question's answer is in; null for counting words or no unit. */
  kind: UnitKind | null
  /** The question names a unit (so a learner's unit of another kind contradicts it). */
  hasUnit: boolean
  /** Multiplier inside the unit: 亿元 → 1e8 (the value is counted in 亿元). */
  scale: number
  /** % and 百分点 mean the same here: the answer is a difference between percentages. */
  gap: boolean
  /** The answer is a month of the year: month names count. */
  calendarMonth: boolean
  /** The unit to name in feedback. */
  unit: Localized | null
  /** The prompt asks for a floor ("超多少元", "more than what share"): a capped answer says the opposite. */
  floor: boolean
}

/** The unit kind a unit text names, with the multiplier it carries ("亿美元" → usd, 1e8). */
export function unitOf(text: string): { kind: UnitKind | null; scale: number } {
  const t = text.normalize('NFKC').toLowerCase()
  let kind: UnitKind | null = null
  for (const [k, pattern] of UNIT_PATTERNS) {
    pattern.lastIndex = 0
    if (pattern.test(t)) {
      kind = k
      break
    }
  }
  if (/\bdecades?\b/.test(t)) kind = 'year'
  let scale = 1
  if (/[亿億]/.test(t)) scale *= 1e8
  if (/[万萬]/.test(t)) scale *= 1e4
  if (/\bbillions?\b|\bbn\b/.test(t)) scale *= 1e9
  if (/\bmillions?\b|\bmn\b/.test(t)) scale *= 1e6
  if (/\bthousands?\b/.test(t)) scale *= 1e3
  if (/\btrillions?\b/.test(t)) scale *= 1e12
  if (/\bdecades?\b/.test(t)) scale *= 10
  return { kind, scale }
}

const GAP_WORDS = /差距|差值|相差|差了|差额|领先|落后|增加了|下降了|百分点|\bgap\b|\bdifference\b|\bpoints?\b|\blead\b|\bbehind\b/i
/** A prompt that asks for the figure the article states as a floor: "“超”多少元", "超过百分之多少", "more than what share", "says “more than” this amount". */
const FLOOR_PROMPT = /超过?\W{0,2}(?:多少|百分之多少|几)|more\s+than\W{0,2}(?:how|what|this)/i
const MONTH_PROMPT = /几月|哪个月|哪一个月|哪月|月份|\bwhich month\b|\bwhat month\b|\bmonth number\b|\bmonth of the year\b/i
const CALENDAR_UNIT = /^月$|^月份$|month number|month of the year|calendar month|^\(?month\)?$/i

/** What a numeric question asks for, from its unit and, when it has none, its prompt. */
export function expectationOf(question: Pick<NumericQuestion, 'unit' | 'prompt'>): Expectation {
  const unit = question.unit ?? null
  const prompt = `${question.prompt.zh} ${question.prompt.en}`
  let kind: UnitKind | null = null
  let scale = 1
  if (unit) {
    const zh = unitOf(unit.zh)
    const en = unitOf(unit.en)
    kind = zh.kind ?? en.kind
    scale = zh.kind !== null || zh.scale !== 1 ? zh.scale : en.scale
  }
  const calendarMonth = unit
    ? CALENDAR_UNIT.test(unit.zh.trim()) || CALENDAR_UNIT.test(unit.en.trim())
    : MONTH_PROMPT.test(prompt)
  if (calendarMonth) kind = 'month'
  const gap = kind === 'pp' || (kind === 'percent' && GAP_WORDS.test(prompt))
  return {
    kind,
    hasUnit: unit !== null || calendarMonth,
    scale,
    gap,
    calendarMonth,
    unit: unit ?? (calendarMonth ? { zh: '月', en: 'month' } : null),
    floor: FLOOR_PROMPT.test(prompt),
  }
}

/** Whether the unit a learner named contradicts the one the question asks for. */
export function contradicts(expect: Expectation, given: Quantity['unit']): boolean {
  if (given === null || !expect.hasUnit) return false
  if (given === 'mixed') return true
  if (given === expect.kind) return false
  if (expect.gap && (given === 'pp' || given === 'percent')) return false
  // A percentage of a count or of nothing in particular is a proportion ("50%" = half): no contradiction.
  if (given === 'percent' && expect.kind === null) return false
  return true
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))

/**
 * The values a quantity may stand for, counted in the question's unit: "1/4" is 25 where the
 * answer is a percentage, "50%" is 0.5 where it is a plain number, "3800" is 3800 亿元 where
 * the unit is 亿元 and "3800亿" is 3800 of them too.
 */
export function candidates(q: Quantity, expect: Pick<Expectation, 'kind' | 'scale'>, answer: number): number[] {
  const base = q.scaled ? [q.value / expect.scale] : [q.value, q.value / expect.scale]
  const percentage = expect.kind === 'percent' || expect.kind === 'pp'
  const out: number[] = []
  for (const v of base) {
    if (percentage) {
      if (q.form === 'fraction') out.push(v * 100)
      else out.push(v)
      // A proportion written as a decimal: 0.25 for 25 %; not for an answer below 1 %, where
      // "0.3" is the percentage itself and "0.003" a slip of the decimal point.
      if (q.form === 'decimal' && Math.abs(v) < 1 && Math.abs(answer) >= 1) out.push(v * 100)
    } else if (q.form === 'percent') out.push(v / 100)
    else out.push(v)
  }
  return out.filter((v, i) => Number.isFinite(v) && out.findIndex((w) => close(v, w)) === i)
}
