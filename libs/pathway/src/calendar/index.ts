export {
  addCalendarMonths,
  addWorkingDays,
  bankHolidaysOf,
  dueAt,
  endOfLondonDay,
  isWorkingDay,
  londonDay,
  workingDaysBetween,
} from './working-days';
export { weekdayOf } from './london-day';
export type { BankHoliday } from './working-days';
export { ageInYears } from './london-day';
