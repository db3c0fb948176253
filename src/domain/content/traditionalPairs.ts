/**
 * Traditional characters, each followed by its simplified form, for every character of the
 * built-in bank's typed answers and their prompts (see traditional.ts). Generated from opencc-js's
 * character dictionary (Apache-2.0) by `npm run traditional:questions`; do not edit by hand.
 */
export const TRADITIONAL_PAIRS = '佈布來来侷局係系個个們们偉伟傢家債债儘尽凈净劃划動动務务卽即厤历吳吴問问單单噁恶嚮向嚴严國国執执場场壘垒夢梦夾夹奪夺專专對对導导強强後后復复惡恶態态應应戰战戶户換换搶抢數数時时曆历曏向朮术桿杆棧栈業业極极槓杠標标機机權权歷历沒没淨净為为爭争爲为獲获現现產产産产發发盡尽眾众碼码稱称穀谷穫获競竞箇个範范級级終终結结統统經经綫线緒绪線线緻致縫缝總总繫系纍累纔才義义聯联與与舉举衆众術术衕同袷夹裏里裡里複复覈核見见規规視视覦觎覬觊覺觉註注認认語语說说説说調调請请識识變变讓让豬猪負负費费資资賽赛軍军軟软載载輝辉轉转迴回這这進进過过達达還还鉅巨銘铭錶表鏈链閉闭開开閤合關关隨随雜杂韆千響响預预頭头題题額额飛飞駁驳體体髮发麪面麫面麵面點点齊齐齣出'
