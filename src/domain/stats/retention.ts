/** True retention, as Anki measures it (how the daily totals count it: daily.ts). */
export interface Retention {
  /** First reviews of the day not graded Again. */
  passed: number
  total: number
  /** passed / total; null without data. */
  rate: number | null
}
