/**
 * DescribeSessions filters (SessionFilter: key, value), declared for the filter engine
 * (core/filters.ts). Values, as the API reference describes them:
 *   InvokedAfter  a timestamp (2024-08-29T00:00:00Z): sessions that started then "and later";
 *   InvokedBefore a timestamp: sessions that started before it;
 *   Target, Owner, SessionId: equal to the value;
 *   Status: Connected | Connecting | Disconnected | Terminated | Terminating | Failed;
 *   AccessType: Standard | JustInTime.
 * Several filters must all match. The key is an enum in the model (an unknown key is a
 * ValidationException before this runs); a bad value answers InvalidFilterKey, the only filter
 * error the operation declares (wording ours).
 */
import { defineFilters, type FilterErrors } from '../../core/filters.js';
import { InvalidFilterKey } from '../../generated/ssm/errors.js';
import type { SessionFilter } from '../../generated/ssm/types.js';
import type { SessionRecord } from '../../sim/sessions/state.js';
import * as messages from './messages.js';

const errors: FilterErrors = {
  unknownKey: (key) => new InvalidFilterKey(messages.invalidFilterValue(key, '')),
  badValue: ({ key, value, allowed }) => new InvalidFilterKey(messages.invalidFilterValue(key, value, allowed)),
};

const engine = defineFilters<SessionRecord>({
  name: 'DescribeSessions',
  defaults: { operator: 'Equal' },
  errors,
  keys: {
    InvokedAfter: { read: (s) => s.StartDate, type: 'date', operator: 'GreaterThan', inclusive: true },
    InvokedBefore: { read: (s) => s.StartDate, type: 'date', operator: 'LessThan' },
    Target: { read: (s) => s.Target },
    Owner: { read: (s) => s.Owner },
    SessionId: { read: (s) => s.SessionId },
    Status: { read: (s) => s.Status, allowed: ['Connected', 'Connecting', 'Disconnected', 'Terminated', 'Terminating', 'Failed'] },
    AccessType: { read: (s) => s.AccessType, allowed: ['Standard', 'JustInTime'] },
  },
});

export const compileSessionFilters = (filters: readonly SessionFilter[] | undefined) =>
  engine.compile((filters ?? []).map((f) => ({ key: f.key, values: [f.value] }))).test;
