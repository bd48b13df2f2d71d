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
export type { BankHoliday } from './working-days';
export { ageInYears } from './london-day';
