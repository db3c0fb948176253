/** The one source every question is grounded in (../shared/source/article.zh.txt). */
export const ARTICLE = {
  titleZh: '“千问恐慌”席卷硅谷,谁在颤抖?',
  titleEn: '"Qwen panic" sweeps Silicon Valley: who is trembling?',
  source: '港股研究社',
  sourceEn: 'HK Stock Research Society (港股研究社)',
  /** Non-empty lines of the article: line 1 is the title, line 39 the source line. */
  paragraphCount: 39,
} as const
