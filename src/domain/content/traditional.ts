/**
 * Traditional Chinese characters and their simplified forms, for the typed-answer grader: a learner
 * who types 千問 or 惡意公關 means 千问 or 恶意公关. Covers every character of the built-in bank's
 * typed answers and their prompts (an imported set's answers fold where they share them).
 * Generated from opencc-js's character dictionary (Apache-2.0) by `npm run traditional:questions`;
 * do not edit by hand.
 */
const PAIRS = '佈布來来侷局係系個个們们偉伟傢家債债凈净劃划動动務务卽即厤历吳吴問问單单噁恶嚮向嚴严國国執执場场壘垒夢梦夾夹奪夺專专對对導导強强後后復复惡恶態态應应戰战戶户換换搶抢數数時时曆历曏向朮术棧栈業业極极標标機机權权歷历沒没淨净為为爭争爲为獲获現现產产産产發发碼码稱称穀谷穫获競竞箇个範范級级終终結结經经綫线緒绪線线緻致縫缝總总繫系纍累纔才義义聯联與与舉举術术衕同袷夹裏里裡里複复覈核規规視视覦觎覬觊覺觉註注認认語语說说説说調调請请識识變变讓让豬猪負负費费資资賽赛軍军軟软載载輝辉轉转迴回這这進进過过達达還还鉅巨銘铭錶表鏈链閉闭開开閤合關关隨随雜杂韆千響响預预頭头題题飛飞駁驳體体髮发麪面麫面麵面點点齊齐齣出'

let table: Map<string, string> | null = null

/** The text with each traditional character of the table replaced by its simplified form. */
export function foldTraditional(text: string): string {
  if (table === null) {
    table = new Map()
    const chars = [...PAIRS]
    for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i]!, chars[i + 1]!)
  }
  let out = ''
  for (const ch of text) out += table.get(ch) ?? ch
  return out
}
