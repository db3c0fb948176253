/** For tests (imported by tests only): the daily totals of a whole log at once. */
import { dailyTally, type DailyLog, type DailyStat } from './daily'

/** The daily rows of a whole log (see dailyTally). */
export function aggregateDaily(logs: Iterable<DailyLog>): DailyStat[] {
  const tally = dailyTally()
  tally.add(logs)
  return tally.finish().rows
}
