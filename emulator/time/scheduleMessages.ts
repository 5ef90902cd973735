/**
 * The texts schedule.ts rejects a schedule expression with. Callers wrap them in their operation's
 * error: CreateAssociation, UpdateAssociation and CreateAssociationBatch answer InvalidSchedule (the
 * model lists it); CreateMaintenanceWindow and UpdateMaintenanceWindow list no schedule error, so
 * they answer ValidationException [unverified].
 *
 * Where the wording comes from:
 *   [doc]        the sentence is AWS's, from the user guide's "Reference: Cron and rate
 *                expressions for Systems Manager" or the API reference; AWS may word the wire
 *                message differently;
 *   [unverified] our wording: no real AWS answer for this case was found (searched GitHub issues
 *                and public pages for SSM's schedule errors), so the text may differ from AWS's.
 * Every message names the rejected expression first, so a caller sees what was read.
 */

/**
 * [doc] InvalidSchedule's own documentation in the SSM model ("The schedule is invalid. Verify your
 * cron or rate expression and try again."); the expression in front is ours [unverified].
 */
export const invalidSchedule = (expression: string) =>
  `Schedule expression ${expression} is invalid. Verify your cron or rate expression and try again.`;

/** [unverified] a cron() with the wrong number of fields; the field list is the user guide's. */
export const cronFieldCount = (expression: string) =>
  `Invalid cron expression ${expression}: cron expressions have six required fields (Minutes Hours Day-of-month Month Day-of-week Year) and an optional Seconds field in front.`;

/** [unverified] a field with a value or wildcard its column of the user guide's table doesn't allow. */
export const cronFieldValue = (expression: string, field: string, value: string) =>
  `Invalid cron expression ${expression}: '${value}' is not a supported value for the ${field} field.`;

/** [doc] "You can't specify a value in the day-of-month and in the day-of-week fields in the same cron expression. If you specify a value in one of the fields, use a ? (question mark) in the other field." */
export const cronDayFields = (expression: string) =>
  `Invalid cron expression ${expression}: you can't specify a value in the day-of-month and in the day-of-week fields in the same cron expression. If you specify a value in one of the fields, use a ? (question mark) in the other field.`;

/** [doc] "Cron expressions that lead to rates faster than five (5) minute aren't supported." */
export const tooFrequent = (expression: string) =>
  `Invalid schedule expression ${expression}: expressions that lead to rates faster than five (5) minutes aren't supported.`;

/** [doc] the singular/plural rule: "For example, rate(1 hours) and rate(5 hour) aren't valid, but rate(1 hour) and rate(5 hours) are valid." */
export const rateUnit = (expression: string) =>
  `Invalid rate expression ${expression}: if the value is equal to 1, then the unit must be singular. Similarly, for values greater than 1, the unit must be plural.`;

/** [unverified] a rate() that isn't "rate(value unit)" with a positive whole value; units are the user guide's. */
export const rateFormat = (expression: string) =>
  `Invalid rate expression ${expression}: rate expressions are rate(value unit), with a positive whole number value and a unit of minute, minutes, hour, hours, day or days.`;

/** [unverified] an at() that isn't a real date and time in the form the user guide gives. */
export const atFormat = (expression: string) =>
  `Invalid at expression ${expression}: specify a timestamp as at(yyyy-mm-ddThh:mm:ss), for example at(2020-07-07T15:55:00).`;

/** [doc] "Associations support the following rate expressions: intervals of 30 minutes or greater and less than 31 days." */
export const associationRate = (expression: string) =>
  `Invalid rate expression ${expression}: associations support rate expressions with intervals of 30 minutes or greater and less than 31 days.`;

/** [doc] "Associations support the following cron expressions: every 1/2, 1, 2, 4, 8, or 12 hours; every day, every week, every nth day, or the last x day of the month at a specific time." */
export const associationCron = (expression: string) =>
  `Invalid cron expression ${expression}: associations support the following cron expressions: every 1/2, 1, 2, 4, 8, or 12 hours; every day, every week, every nth day, or the last x day of the month at a specific time.`;

/** [doc] "If you specify the optional Seconds field, its value can be 0 (zero)." */
export const associationSeconds = (expression: string) =>
  `Invalid cron expression ${expression}: for associations, if you specify the optional Seconds field, its value can only be 0 (zero).`;

/** [doc] "State Manager doesn't currently support specifying months in cron expressions for associations." */
export const associationMonths = (expression: string) =>
  `Invalid cron expression ${expression}: State Manager doesn't currently support specifying months in cron expressions for associations.`;

/** [doc] "Schedule offsets are supported for CRON expressions only." (maintenance window scheduling options). */
export const offsetNeedsCron = () => 'Schedule offsets are supported for cron expressions only.';

/** [unverified] ScheduleOffset outside the model's range (1-6), reachable only by callers that skip model validation. */
export const offsetRange = (offset: number) =>
  `Invalid ScheduleOffset ${offset}: the schedule offset is a whole number of days from 1 to 6.`;

/** [unverified] a ScheduleTimezone that isn't an IANA zone; the example is the user guide's. */
export const unknownTimezone = (timezone: string) =>
  `Invalid ScheduleTimezone ${timezone}: specify a time zone in Internet Assigned Numbers Authority (IANA) format, for example America/Chicago, Europe/Berlin or Asia/Tokyo.`;
