/**
 * Texts of the automation operations' own request checks (filters, paging). The engine's texts live
 * in sim/automation/messages.ts. Marked as there: model texts come from the error shapes'
 * documentation in AWS's service model; [unverified] texts are ours.
 */

/** Model text of InvalidNextToken. */
export const invalidNextToken = () => "The specified token isn't valid.";
/** [unverified] (InvalidFilterValue). */
export const invalidFilterValue = (key: string, value: string, allowed?: readonly string[]) =>
  `The filter value ${value} is not valid for the filter key ${key}.${allowed ? ` Valid values: ${allowed.join(', ')}.` : ''}`;
/** [unverified] (InvalidFilterValue): a time filter that is not ISO 8601. */
export const invalidFilterTime = (key: string, value: string) => `The filter value ${value} of ${key} is not a valid time. Specify an ISO 8601 time such as 2025-01-01T00:00:00Z.`;
/** [unverified] (InvalidFilterKey): model enums leave nothing else to refuse. */
export const invalidFilterKey = (key: string) => `The filter key ${key} is not valid.`;
/** [unverified] (InvalidFilterValue): ParentStepIteration that is not a number. */
export const invalidIteration = (value: string) => `The filter value ${value} of ParentStepIteration is not a whole number.`;
