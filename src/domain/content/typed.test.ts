/**
 * Typed answers as learners type them: each line is an answer someone who read the article might
 * give, and the verdict a careful reader would give it.
 */
import { describe, expect, it } from 'vitest'
import { checkAnswer } from './answer'
import type { BlankQuestion, Localized, NumericQuestion, Question } from './schema'

const loc = (zh: string, en = zh): Localized => ({ zh, en })
const explanation = loc('解释', 'Explanation')

function blank(id: string, prompt: Localized, answer: Localized, accepted?: string[]): BlankQuestion {
  return { id, type: 'blank', prompt, explanation, answer, ...(accepted ? { accepted } : {}) }
}
function numeric(id: string, prompt: Localized, value: number, unit?: Localized): NumericQuestion {
  return { id, type: 'numeric', prompt, explanation, value, tolerance: 0, ...(unit ? { unit } : {}) }
}

const month = numeric('month', loc('这发生在几月?', 'In which month is this set? (Give the month as a number.)'), 11, loc('月', '(month number)'))
const monthNoUnit = numeric('month-bare', loc('文章开头是几月?', 'Which month does the article open in?'), 11)
const gap = numeric(
  'gap',
  loc('中美顶尖模型的性能差距收敛到了百分之几?', 'How small was the performance gap between the top models?'),
  0.3,
  loc('%'),
)
const share = numeric('share', loc('AI 债券占企业债务净供应的比例超过百分之多少?', 'More than what share of net corporate debt supply?'), 25, loc('%'))
const quarter = blank('quarter', loc('超过美国企业债务净供应总量的____。', 'more than ____ of the net supply'), loc('四分之一', 'a quarter'), ['1/4'])
const years = numeric('years', loc('想锁定未来多少年?', 'For how many years to come?'), 20, loc('年', 'years'))
const capex = numeric('capex', loc('将投入超过多少元?', 'More than how much, in yuan?'), 380_000_000_000, loc('元', 'yuan'))
const capexScaled = numeric('capex-scaled', loc('将投入超过多少亿元?', 'More than how many hundred million yuan?'), 3800, loc('亿元', '× 100 million yuan'))
const refi = numeric('refi', loc('Meta 一次再融资多少美元?', 'How many US dollars did Meta raise?'), 30_000_000_000, loc('美元', 'US dollars'))
const half = blank('half', loc('新能源让中国完成了“____定义”。', 'New energy gave China only ____ definition.'), loc('半次', 'half a'))
const halfNumeric = numeric('half-n', loc('新能源让中国完成了几次“定义”?', 'How many definitions?'), 0.5, loc('次', 'definitions'))
const rank = blank('rank', loc('在全球开源模型中排名第____。', 'ranking ____ among open-source models'), loc('一', 'first'))
const rebuttal = blank('rebuttal', loc('称这是一场“____”。', 'calling it a "____"'), loc('恶意公关行动', 'malicious PR campaign'))
const definers = blank('definers', loc('押注____而非追随者', 'bet on the ____, not the followers'), loc('定义者', 'definers'))
const stack = blank('stack', loc('产业链的“____”', 'the “____” of the industry chain'), loc('全栈觉醒', 'full-stack awakening'))
const panic = blank('panic', loc('“____恐慌”', 'the "____ panic"'), loc('千问', 'Qwen'), ['千问Qwen'])
const gpt = blank('gpt', loc('仍普遍落后于____。', 'still lag behind ____'), loc('GPT-4', 'GPT-4'))
const gptOwned = blank('gpt-owned', loc('仍普遍落后于____。', 'still lag behind ____'), loc('GPT-4', 'GPT-4'), ['OpenAI GPT-4'])
const cracks = blank('cracks', loc('定义者往往诞生于范式迁移的____中。', 'definers are often born in the ____ of a paradigm shift'), loc('裂缝', 'cracks'))
const toC = blank('to-c', loc('全力进军“AI to ____”市场', 'going all out for the "AI to ____" market'), loc('C', 'C'))
const nvidia = blank('nvidia', loc('OpenAI + 微软 + ____', 'OpenAI, Microsoft and ____'), loc('英伟达', 'Nvidia'))
const alibaba = blank('alibaba', loc('____ 立即反驳', '____ rebutted at once'), loc('阿里巴巴', 'Alibaba'))
const languages = numeric('languages', loc('支持多少种语言?', 'How many languages?'), 119, loc('种语言', 'languages'))
const rows = numeric('rows', loc('单表可以支持多少行?', 'How many rows?'), 10_000_000, loc('行', 'rows'))
const consensus = blank('consensus', loc('正以空前的____投入这场变革', 'with unprecedented ____'), loc('共识', 'consensus'))
const heading = blank('heading', loc('“平视非____：全球AI竞合深解”', 'Parity is not the ____'), loc('终点', 'finish line'))
const sourceCode = blank('source-code', loc('自然语言才是AI时代的____。', 'natural language is the ____ of the AI era'), loc('源代码', 'source code'))
const schmidt = blank('schmidt', loc('多数国家可能转向____。', 'may turn to ____'), loc('中国开源技术', 'Chinese open-source technology'))
const capexYears = numeric('capex-years', loc('那笔超过 3800 亿元的投入，计划在未来几年内投入？', 'Over how many years will the more than 380 billion yuan be spent?'), 3, loc('年', 'years'))
const decades = numeric('decades', loc('想锁定未来多少年?', 'For how many years?'), 20, loc('年', 'years'))

// For the grammar and words learners type around an answer (the last rows of the table)
const qwenName = blank('qwen-name', loc('“____恐慌”', 'the “____ panic”'), loc('千问', 'Qwen'), ['阿里千问', 'Alibaba Qwen'])
const consumer = blank('consumer', loc('全力进军“AI to ____”市场', 'going all out for the “AI to ____” market'), loc('C', 'C'), [
  'consumer',
  'C端',
  '消费者',
  '消费者市场',
])
const halfA = blank('half-a', loc('完成了“____定义”', 'achieve only ____ definition'), loc('半次', 'half a'), ['half'])
const worldRank = blank('world-rank', loc('排名第____。', 'ranking ____'), loc('一', 'first'), ['全球第一'])
const fissures = blank('fissures', loc('新的定义者常常出现在范式转换时留下的____里。', 'definers emerge from the ____ left by a shift'), loc('裂缝', 'cracks'))
const subjectRebuttal = blank(
  'subject-rebuttal',
  loc('面对指控，阿里巴巴立即严正反驳，称这是一场“____”。', 'Alibaba issued a firm rebuttal, calling the accusation a “____”.'),
  loc('恶意公关行动', 'malicious PR campaign'),
)
const subjectRank = blank(
  'subject-rank',
  loc(
    '文中称，千问 Qwen 的下载量超过了 Meta 的 Llama 系列，在全球开源模型中排名第____。',
    'According to the article, Qwen has overtaken Meta’s Llama series in downloads, ranking ____ among open-source models.',
  ),
  loc('一', 'first'),
)
const source = blank('source', loc('文末注明，本文的来源是____。', 'The last line names the article’s source: ____.'), loc('港股研究社', 'HK Stock Research Society'))
const beforeBattleZh = blank('before-battle-zh', loc('第 28 段开头的四个字是“____”。', 'it was ____'), loc('未战而慌', 'panicking before the battle'))
const beforeBattle = blank('before-battle', loc('“____”', 'it was ____'), loc('未战而慌', 'panicking before the battle'))

const cases: [Question, string, boolean][] = [
  // Traditional characters mean their simplified forms
  [panic, '千問', true],
  [rebuttal, '惡意公關行動', true],
  [nvidia, '英偉達', true],
  [consensus, '共識', true],
  [panic, '萬問', false],
  // 的 and a leading measure phrase are padding, in the typed text and in the forms alike
  [rebuttal, '一场恶意的公关行动', true],
  [consensus, '空前的共识', true],
  [schmidt, '中国的开源技术', true],
  [schmidt, '中国的闭源技术', false],
  [half, '一个半', false],
  [half, '一次半', false],
  // A name glossed in the other script
  [nvidia, '英伟达（Nvidia）', true],
  [nvidia, 'Nvidia 英伟达', true],
  [toC, 'C（消费者）', false],
  [nvidia, '英伟达（AMD）', false],
  // a gloss in brackets naming a party of one of the forms
  [gptOwned, 'GPT-4 (OpenAI)', true],
  [gptOwned, 'OpenAI（GPT-4）', true],
  [gptOwned, 'GPT-5 (OpenAI)', false],
  [gptOwned, 'GPT-4 (not GPT-5)', false],
  [gptOwned, 'GPT-4 (Google)', false],
  // Typed-along context: any ending of the Chinese run before the gap, English counted in words
  [heading, '非终点', true],
  [rebuttal, '这是一场恶意公关行动', true],
  [rebuttal, '这是一场善意公关行动', false],
  [sourceCode, 'the source code of the AI era', true],
  [sourceCode, '源代码。', true],
  [panic, '千问恐', false],
  // "+" joins a name only after a Latin letter: 微软+英伟达 is two names, typed along
  [nvidia, '微软+英伟达', true],
  // Dollars of another country are not US dollars
  [refi, '30 billion HK dollars', false],
  [refi, 'NT$30 billion', false],
  [refi, '300亿新台币', false],
  [refi, '30 billion Singapore dollars', false],
  [refi, '30 billion dollars', true],
  // Ordinals past ten, and 廿 for twenty
  [month, 'the eleventh month', true],
  [month, '2025年11月', true],
  [month, 'November 2025', true],
  [month, '2025年10月', false],
  [month, '2025', false],
  [month, 'twelfth', false],
  [decades, '廿年', true],
  [decades, '卅年', false],
  // A month, by name or number, in either language
  [month, 'November', true],
  [month, 'Nov.', true],
  [month, 'nov', true],
  [month, '十一月', true],
  [month, '11月', true],
  [month, '11', true],
  [month, 'October', false],
  [month, '11年', false],
  [monthNoUnit, 'November', true],
  [monthNoUnit, '11月', true],
  // A gap between percentages: % and percentage points mean the same
  [gap, '0.3', true],
  [gap, '0.3%', true],
  [gap, '0.3 %', true],
  [gap, '0.3个百分点', true],
  [gap, '0.3 percentage points', true],
  [gap, '0.3pp', true],
  [gap, '百分之零点三', true],
  [gap, '零点三', true],
  [gap, '3%', false],
  [gap, '0.03', false],
  [gap, '0.003', false],
  [gap, '0.3美元', false],
  // A share: fractions and proportions, but not percentage points
  [share, '25', true],
  [share, '25%', true],
  [share, '25 %', true],
  [share, '百分之二十五', true],
  [share, '1/4', true],
  [share, '四分之一', true],
  [share, 'a quarter', true],
  [share, 'one quarter', true],
  [share, '0.25', true],
  [share, '25个百分点', false],
  [share, '14', false],
  [share, '2.5', false],
  // A fraction in a blank: any form of the same number, never a merged one
  [quarter, 'a quarter', true],
  [quarter, 'One quarter', true],
  [quarter, 'one-fourth', true],
  [quarter, '1/4', true],
  [quarter, '1 / 4', true],
  [quarter, '25%', true],
  [quarter, '25 %', true],
  [quarter, '0.25', true],
  [quarter, '百分之二十五', true],
  [quarter, '14', false],
  [quarter, '1/5', false],
  [quarter, '25', false],
  [quarter, 'a third', false],
  // Years, in words and decades
  [years, '20', true],
  [years, 'twenty', true],
  [years, 'twenty years', true],
  [years, 'two decades', true],
  [years, '二十年', true],
  [years, '二十', true],
  [years, 'a decade', false],
  [years, '20个月', false],
  // Money: a unit that contradicts the question's is wrong
  [capex, '3800亿', true],
  [capex, '3800亿元', true],
  [capex, '3,800亿元人民币', true],
  [capex, '380 billion', true],
  [capex, '380 billion yuan', true],
  [capex, '¥380bn', true],
  [capex, 'three hundred eighty billion yuan', true],
  [capex, '$380bn', false],
  [capex, '3800亿美元', false],
  [capex, '380', false],
  [capexScaled, '3800', true],
  [capexScaled, '3800亿', true],
  [capexScaled, '3800亿元', true],
  [capexScaled, '3800亿美元', false],
  [refi, '300亿美元', true],
  [refi, '$30bn', true],
  [refi, 'US$30 billion', true],
  [refi, '30 billion', true],
  [refi, '300亿', true],
  [refi, '300亿元', false],
  [refi, '¥300亿', false],
  [refi, '30 billion yuan', false],
  // Half, in every way of saying it
  [half, '半', true],
  [half, '一半', true],
  [half, '半次', true],
  [half, 'half', true],
  [half, 'half a', true],
  [half, '二分之一', true],
  [half, '1/2', true],
  [half, '0.5', true],
  [half, '50%', true],
  [half, '05', false],
  [half, '一', false],
  [halfNumeric, '半', true],
  [halfNumeric, '一半', true],
  [halfNumeric, 'half', true],
  [halfNumeric, '0.5', true],
  [halfNumeric, '50%', true],
  [halfNumeric, '1', false],
  // Ranks
  [rank, 'first', true],
  [rank, '1', true],
  [rank, '1st', true],
  [rank, '第一', true],
  [rank, '第1名', true],
  [rank, 'No. 1', true],
  [rank, 'number one', true],
  [rank, '2', false],
  [rank, 'second', false],
  // Latin-script answers: articles, plurals, hyphens and one typo in a long word
  [rebuttal, 'malicious PR campaign', true],
  [rebuttal, 'a malicious PR campaign', true],
  [rebuttal, 'The malicious PR campaigns', true],
  [rebuttal, 'malicious P.R. campaign', true],
  [rebuttal, 'malicous PR campaign', true],
  [rebuttal, 'malicious PR campagin', true],
  [rebuttal, 'malicious PR', false],
  [rebuttal, 'malicous PR campagin', false],
  [rebuttal, 'malicious PX campaign', false],
  [definers, 'definer', true],
  [definers, 'the definers', true],
  [definers, 'followers', false],
  [stack, 'full stack awakening', true],
  [stack, 'fullstack awakening', true],
  [stack, 'full-stack awakenings', true],
  [stack, 'full-stack awakning', true],
  [stack, 'awakening', false],
  [panic, 'Qwen', true],
  [panic, 'qwen', true],
  [panic, 'Qwen千问', true],
  [panic, 'Qwenn', false],
  [panic, 'Owen', false],
  [gpt, 'GPT-4', true],
  [gpt, 'gpt4', true],
  [gpt, 'GPT 4', true],
  [gpt, 'GPT-5', false],
  [gpt, 'GPT-40', false],
  [gpt, 'GPT-4o', false],
  // The prompt's own words around the gap, typed along with the answer
  [panic, '千问恐慌', true],
  [panic, '恐慌', false],
  [panic, '千问恐', false],
  [cracks, '裂缝中', true],
  [cracks, '的裂缝中', true],
  [cracks, '裂', false],
  [toC, 'AI to C', true],
  [toC, 'to C', true],
  [toC, 'AI to', false],
  [toC, 'AI to B', false],
  [rank, '第2', false],
  // Companies, with or without their legal suffix
  [nvidia, 'Nvidia Corp', true],
  [nvidia, 'NVIDIA Corporation', true],
  [nvidia, 'nvidia inc.', true],
  [nvidia, '英伟达公司', true],
  [nvidia, 'Nvidia chips', false],
  [alibaba, '阿里巴巴集团', true],
  [alibaba, 'Alibaba Group', true],
  [alibaba, 'Alibaba Group Holding', false],
  [alibaba, '集团', false],
  // Counts: a unit of another kind is wrong; the count's own word is fine
  [languages, '119', true],
  [languages, '119种', true],
  [languages, '一百一十九种语言', true],
  [languages, '119 languages', true],
  [languages, 'one hundred nineteen', true],
  [languages, 'one hundred and nineteen languages', true],
  [languages, '119 years', false],
  [languages, '118', false],
  [rows, '1000万', true],
  [rows, '10 million', true],
  [rows, 'ten million rows', true],
  [rows, '一千万行', true],
  [rows, '100万', false],
  // A number the learner denies, or puts as a strict upper bound, is not claimed
  [capex, '不是3800亿元', false],
  [capex, '非3800亿', false],
  [capex, 'not 380 billion yuan', false],
  [capex, '不到3800亿', false],
  [capex, '少于3800亿元', false],
  [capex, 'less than 380 billion yuan', false],
  [capex, 'under 380 billion yuan', false],
  [capex, '3800亿以下', false],
  [capex, '不少于3800亿元', true],
  [capex, 'no less than 380 billion yuan', true],
  [capex, '超过3800亿元', true],
  [capex, 'RMB3800亿', true],
  [capex, 'USD380bn', false],
  [refi, 'CNY30bn', false],
  [refi, 'USD30bn', true],
  [languages, 'Qwen3 supports 119 languages', true],
  [languages, 'Qwen3支持119种语言', true],
  [languages, 'Qwen3支持118种语言', false],
  [languages, 'Qwen3', false],
  [capex, '差不多3800亿元', true],
  [quarter, '逾四分之一', true],
  [quarter, '两成半', true],
  [quarter, '三成', false],
  [gap, '0.3成', false],
  [half, '第一名 (半次)', false],
  [half, '一次半', false],
  // a unit added to a blank's bare number names another quantity
  [half, '半年', false],
  [half, 'half a year', false],
  [half, '半个月', false],
  [rank, '1年', false],
  [rank, '第1天', false],
  [quarter, '25个百分点', false],
  [quarter, '四分之一年', false],
  [quarter, '25%', true],
  [quarter, 'a quarter or more', true],
  [quarter, 'a quarter or less', false],
  [capex, '不下3800亿元', true],
  [years, '没错，20年', true],
  [years, 'not 20', false],
  [years, '不是二十年', false],
  [years, '不足20年', false],
  [years, 'fewer than twenty years', false],
  [years, '未来二十年', true],
  [rows, 'up to 10 million rows', true],
  [rows, '不超过一千万行', true],
  [capex, '不超过3800亿元', false],
  [capex, '最多3800亿', false],
  [capex, 'up to 380 billion yuan', false],
  [capex, 'not more than 380 billion yuan', false],
  [share, '最多25%', false],
  [share, '至少25%', true],
  [rows, '最多一千万行', true],
  [month, '不是11月', false],
  [month, 'not November', false],
  // "Several" before a multiplier names no one number
  [rows, '几千万', false],
  [rows, '数千万行', false],
  [rows, 'tens of millions', false],
  [rows, 'several million', false],
  [rows, '上千万', true],
  [years, '几十年', false],
  [numeric('ten', loc('多少年?', 'How many years?'), 10, loc('年', 'years')), '十几年', false],
  [numeric('ten', loc('多少年?', 'How many years?'), 10, loc('年', 'years')), '几十年', false],
  // 号 after a number is a day of the month, not a month
  [month, '11号', false],
  [month, '十一號', false],
  // A month name with one typo in a long name
  [month, 'Novemeber', true],
  [month, 'Novembr', true],
  [month, 'Decembre', false],
  [month, 'Movember', false],
  // a counted noun other than the question's: 列 for 行, 国家 for 语言; 倍 is a multiple, not a unit of count or %
  [languages, '119个国家', false],
  [languages, '119门语言', true],
  [languages, '119 種語言', true],
  [languages, '约119种', true],
  [languages, '119种吧', true],
  [languages, '119种而已', true],
  [rows, '一千万列', false],
  [rows, '支持千万行操作', true],
  [rows, '千万行数据', true],
  [rows, '1000万行，1000万列', false],
  [gap, '0.3倍', false],
  [languages, '119倍', false],
  [gap, '0.3 times', false],
  [years, '20-plus years', false],
  [years, '20 plus years', false],
  [capex, '380-plus billion yuan', true],
  [capex, '¥380bn+', true],
  // N多 / N余 / N+ is a vague figure above N: right only where the article states the figure as a floor
  [years, '二十多年', false],
  [years, '20余年', false],
  [years, '20+ years', false],
  [languages, '119多种', false],
  [capex, '3800多亿', true],
  [capex, '3800余亿元', true],
  [capex, '3800亿+', true],
  // a decimal comma, where the digits after it are no group of thousands
  [gap, '0,3%', true],
  [gap, '0,3', true],
  [gap, '0,5%', false],
  [rows, '10,000,000', true],
  [capex, '3,800亿元', true],
  // two quantities in one answer: the one in the question's unit is graded, the other says something else
  [capex, '未来三年投入3800亿', true],
  [capexYears, '未来三年投入3800亿', true],
  [capexYears, '3800亿，三年', true],
  [capex, '三年，3800亿元', true],
  [capexYears, 'three years, 380 billion yuan', true],
  [capex, '380 billion yuan over three years', true],
  [capex, '未来三年投入380亿', false],
  [capexYears, '未来五年投入3800亿', false],
  [capexYears, '两到三年', false],
  [capexYears, '2-3年', false],
  [capexYears, '3年或5年', false],
  [month, '11月或12月', false],
  [month, '11月 12月', false],
  [month, '不是10月，是11月', true],
  [month, '是10月，不是11月', false],
  [capex, '不到3800亿，三年', false],
  [refi, '300亿美元左右，也可能是3000亿', false],
  [capexYears, '未来三年投入3800', false],
  [capexYears, '3800亿，三年不是', false],
  [month, '11月11日', true],
  // a conversion in brackets: the figure in the question's unit is graded
  [capex, '3800亿元（约530亿美元）', true],
  [refi, '300亿美元（约2100亿元人民币）', true],
  [refi, '$30bn (about ¥210bn)', true],
  [capex, '3800亿元（约4000亿元）', false],
  [capex, '3800亿美元（约2.7万亿元）', false],
  [refi, '300亿元（约42亿美元）', false],
  [capex, '3800亿美元（3800亿元）', false],
  [capex, '3800亿元（不是3800亿美元）', true],

  // Around the answer: the grammar and words learners type with it (the lower-case notes below)
  // a place word closing the gap: any place word, and the 在 that opens the phrase
  [fissures, '裂缝中', true],
  [fissures, '在裂缝里', true],
  [fissures, '裂缝之中', true],
  [fissures, '在裂变中', false],
  [fissures, '中', false],
  // 的 tying the answer to the noun after the gap
  [halfA, '半次的', true],
  [halfA, '一次的', false],
  // the prompt's English words typed along, with the article and plural rules still applying
  [consumer, 'to consumers', true],
  [consumer, 'to businesses', false],
  [halfA, 'a half definition', true],
  [halfA, 'a full definition', false],
  // a preposition of place standing for the prompt's
  [fissures, 'in the cracks', true],
  [fissures, 'in the crack', true],
  [fissures, 'in the ruins', false],
  // the Latin words of a Chinese sentence before the gap
  [sourceCode, 'AI时代的源代码', true],
  [sourceCode, 'AI时代的编程语言', false],
  // words of emphasis that change no claim
  [beforeBattle, 'panicking even before the battle', true],
  [beforeBattle, 'panicking even after the battle', false],
  [beforeBattle, 'not even panicking before the battle', false],
  // a name inside a form written in the other script
  [qwenName, '阿里的Qwen', true],
  [qwenName, 'Alibaba 千问', true],
  [qwenName, '腾讯Qwen', false],
  [qwenName, 'DeepSeek千问', false],
  [consumer, 'C市场', true],
  [consumer, 'B市场', false],
  // a numeral in digits inside a Chinese form
  [worldRank, '全球第1', true],
  [worldRank, '全球第2', false],
  [worldRank, '全球第11', false],
  // "+" joining names, as in the prompt's "OpenAI + 微软 + ____"
  [nvidia, 'OpenAI+微软+英伟达', true],
  [nvidia, 'OpenAI+微软+英特尔', false],
  // a stray letter left by the input method next to a Chinese answer
  [rebuttal, '恶意公关行动s', true],
  [rebuttal, 'x恶意公关行动', true],
  [rebuttal, '恶意公关行动s。', true],
  [rebuttal, '善意公关行动s', false],
  [toC, '消费者c', false],
  [consumer, '消费者c', true],
  // a sentence that only introduces the answer, or restates the prompt with a pronoun or its subject
  [rebuttal, '答案是恶意公关行动', true],
  [nvidia, '可能是英伟达', true],
  [nvidia, '我猜英伟达', true],
  [nvidia, '我猜不是英伟达', false],
  [nvidia, '是英伟达吗', true],
  [nvidia, 'maybe Nvidia', true],
  [nvidia, 'probably not Nvidia', false],
  [nvidia, '可能不是英伟达', false],
  [nvidia, '可能是AMD', false],
  [panic, '它叫千问恐慌', true],
  [panic, '它不叫千问恐慌', false],
  [rebuttal, 'it was a malicious PR campaign', true],
  [rebuttal, 'The answer is: malicious PR campaign', true],
  [rebuttal, 'it was not a malicious PR campaign', false],
  [rebuttal, "it isn't a malicious PR campaign", false],
  [rebuttal, '不是恶意公关行动', false],
  [subjectRebuttal, '阿里称这是一场恶意公关行动。', true],
  [subjectRebuttal, '阿里巴巴称这是恶意公关行动', true],
  [subjectRebuttal, '美国称这是一场恶意公关行动', false],
  [subjectRank, '千问排名第一', true],
  [subjectRank, '它排名第一', true],
  [subjectRank, 'Llama排名第一', false],
  [subjectRank, 'Meta的Llama排名第一', false],
  [subjectRank, 'It ranks first', true],
  [subjectRank, 'Qwen ranks first', true],
  [subjectRank, 'Qwen is ranked first', true],
  [subjectRank, 'Llama ranks first', false],
  [subjectRank, 'it ranks second', false],
  // a label naming what the gap holds, from the gap's own clause
  [source, '来源：港股研究社', true],
  [source, '來源：港股研究社', true],
  [source, 'Source: HK Stock Research Society', true],
  [source, '来源：金融时报', false],
  [subjectRank, 'Llama：第一', false],
  // a particle or 儿 closing a Chinese answer
  [beforeBattleZh, '未战而慌了', true],
  [beforeBattleZh, '未战而慌吧', true],
  [sourceCode, '源代码吧', true],
  [halfA, '一半儿', true],
  [beforeBattleZh, '未战而胜了', false],
  [beforeBattleZh, '不慌了', false],
  // an article inside an English answer, or none where the form has one
  [beforeBattle, 'panicking before battle', true],
  [beforeBattle, 'panicking before a battle', true],
  [beforeBattle, 'panicking after the battle', false],
  [definers, 'definers not followers', true],
  [definers, 'bet on definers', true],
  [definers, 'followers not definers', false],
  // the prompt's 了 left out of the words typed along
  [halfA, '完成半次', true],
  [halfA, '完成了半次', true],
  [halfA, '完成一次', false],
  // the outlet a source publishes through, typed after its name: 公众号, as 公司 after a company
  [source, '港股研究社公众号', true],
  [source, '港股研究社（公众号）', true],
  [source, '港股研究社微信公众号', true],
  [source, '金融时报公众号', false],
  [source, '公众号', false],
  // a noun of the prompt restated after the answer: "第一开源模型" for "在全球开源模型中排名第____"
  [rank, '第一开源模型', true],
  [rank, '第二开源模型', false],
  [rank, '开源模型', false],
  [heading, '终点全球', false],
  // 者 said as 的人
  [definers, '定义的人', true],
  [definers, '定义的人们', true],
  [definers, '押注定义的人', true],
  [definers, '追随的人', false],
  [definers, '不定义的人', false],
  [definers, '的人', false],
]

describe('typed answers, as learners type them', () => {
  it.each(cases.map(([q, text, right]) => [q.id, text, right ? 'right' : 'wrong', q] as const))(
    '%s: %j is %s',
    (_id, text, verdict, question) => {
      const type = question.type === 'numeric' ? 'numeric' : 'blank'
      expect(checkAnswer(question, { type, text }).correct).toBe(verdict === 'right')
    },
  )

  it('says which spelling was expected when it forgives a typo', () => {
    expect(checkAnswer(rebuttal, { type: 'blank', text: 'malicous PR campaign' })).toEqual({
      correct: true,
      score: 1,
      note: { kind: 'spelling', expected: 'malicious PR campaign' },
    })
    // Variants that are not typos carry no note.
    expect(checkAnswer(rebuttal, { type: 'blank', text: 'the malicious PR campaigns' })).toEqual({ correct: true, score: 1 })
  })

  it('forgives two neighbouring letters swapped in a name of 6+ letters, with a note', () => {
    // A judgement call: "ChatGTP" is the rival named with its last two letters swapped, a slip and
    // no other product; a changed letter ("ChatGLM") can be another product, so only the swap is forgiven.
    const rival = blank('camel', loc('对手', 'rival'), loc('ChatGPT', 'ChatGPT'))
    for (const text of ['ChatGTP', 'chatgtp', 'Chat GTP', 'ChatPGT'])
      expect(checkAnswer(rival, { type: 'blank', text }), text).toEqual({ correct: true, score: 1, note: { kind: 'spelling', expected: 'ChatGPT' } })
    expect(checkAnswer(rival, { type: 'blank', text: 'CahtGPT' }).correct).toBe(true)
    expect(checkAnswer(rival, { type: 'blank', text: 'hCatGPT' }).correct).toBe(false)
  })

  it('settles the judgement calls: a same-sound wrong character and a partial phrase are wrong', () => {
    // 单级 (single-stage) for 单极 (unipolar) and 原代码 for 源代码 are what a Chinese teacher marks
    // as 错别字: the character is the word, and another word with the same sound (重点 for 终点)
    // can mean something else entirely, which a grader cannot tell from a slip of the input method.
    const unipolar = blank('unipolar', loc('北美AI____梦碎', 'North America’s ____ AI dream'), loc('单极', 'unipolar'), ['单极化'])
    for (const [q, text] of [
      [unipolar, '单级'],
      [sourceCode, '原代码'],
      [heading, '重点'],
    ] as const)
      expect(checkAnswer(q, { type: 'blank', text }).correct, text).toBe(false)
    // 入口 without 超级 names any entry point; the article's claim is the race for the super one.
    const entrance = blank('entrance', loc('AI ____争夺赛', 'the race for the AI ____'), loc('超级入口', 'super entrance'), ['super gateway'])
    for (const text of ['入口', 'entrance', 'gateway', '超级']) expect(checkAnswer(entrance, { type: 'blank', text }).correct, text).toBe(false)
    for (const text of ['超级入口', 'AI超级入口', '超级入口争夺赛', 'super entrance']) expect(checkAnswer(entrance, { type: 'blank', text }).correct, text).toBe(true)
  })

  it('never forgives a typo in a number, an id or a short word', () => {
    for (const [q, text] of [
      [gpt, 'GPT-5'],
      [panic, 'Qwem'],
      [blank('ids', loc('型号', 'model'), loc('Qwen3', 'Qwen3')), 'Qwen4'],
      [blank('camel', loc('对手', 'rival'), loc('ChatGPT', 'ChatGPT')), 'ChatGPY'],
      [blank('camel', loc('对手', 'rival'), loc('ChatGPT', 'ChatGPT')), 'ChatGLM'],
      [blank('camel', loc('对手', 'rival'), loc('ChatGPT', 'ChatGPT')), 'ChatGP'],
      [gpt, 'GTP-4'],
      [blank('short', loc('缝', 'gap'), loc('缝隙', 'gaps')), 'gasp'],
      [blank('year', loc('年份', 'year'), loc('2025', 'twenty twenty-five')), '2026'],
    ] as const)
      expect(checkAnswer(q, { type: 'blank', text }).correct, text).toBe(false)
  })

  it('names the expected unit when the learner gives one that contradicts it', () => {
    expect(checkAnswer(capex, { type: 'numeric', text: '$380bn' })).toEqual({
      correct: false,
      score: 0,
      note: { kind: 'unit', expected: { zh: '元', en: 'yuan' } },
    })
    expect(checkAnswer(share, { type: 'numeric', text: '25个百分点' }).note).toEqual({ kind: 'unit', expected: { zh: '%', en: '%' } })
    expect(checkAnswer(monthNoUnit, { type: 'numeric', text: '11年' }).note).toEqual({ kind: 'unit', expected: { zh: '月', en: 'month' } })
    // No unit given: the question's unit is meant, and nothing more is said.
    expect(checkAnswer(capex, { type: 'numeric', text: '380' })).toEqual({ correct: false, score: 0 })
  })
})
