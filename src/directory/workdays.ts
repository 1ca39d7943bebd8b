/**
 * @module Working-day arithmetic for the directory's statutory clocks (公证法 第三十条 15 个工作日; 司法鉴定
 * 7/10/30 个工作日), on the one holiday calendar of core/time.ts.
 */
export {
  addWorkingDays as addWorkdays,
  calendarWarning,
  chinaDate,
  isWorkingDay as isWorkday,
  workingDaysBetween as workdaysBetween,
} from '../core/time.js';
