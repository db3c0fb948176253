/** A count on one local day. */
export interface DayCount {
  day: number
  count: number
}
