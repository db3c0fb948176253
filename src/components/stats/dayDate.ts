import { dayToDate } from '@/domain/calendar/days'

/** A day number as a local Date at midnight, for Intl and vue-i18n's d(). */
export function dayDate(day: number): Date {
  const { year, month, date } = dayToDate(day)
  return new Date(year, month - 1, date)
}
