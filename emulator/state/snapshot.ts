/**
 * A snapshot: all emulator state as one JSON value (GET/POST /_emulator/state, persistence's
 * state.json), and the check a snapshot passes before it replaces anything.
 *
 * The check is a JSON Schema of the whole state, run by Ajv: the envelope (format version, clock,
 * scheduler, rng, events) is declared here, each region's slices by their areas (defineSlice's
 * schema, state/schema.ts). A snapshot that would break later calls (a parameter whose Versions is
 * "x", a null record, a fleet node that is a number) is refused with the first bad path, and the
 * state in use is left as it was.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { declaredSlices, STATE_FORMAT_VERSION, type StoreData } from './store.js';
import { anyJson, arr, FALLBACK_SLICE_SCHEMA, int, num, obj, oneOf, rec, str, tuple, type JsonSchema } from './schema.js';
import { CLOCK_MODES, MAX_INSTANT, MIN_INSTANT, type ClockState } from '../time/clock.js';

export interface Snapshot {
  formatVersion: number;
  emulatorVersion: string;
  savedAt: string;
  clock: ClockState;
  store: StoreData;
}

export class SnapshotError extends Error {}

const rng = tuple(int, int, int, int);

function snapshotSchema(): JsonSchema {
  const regionSlices: Record<string, JsonSchema> = {};
  for (const [name, schema] of declaredSlices()) regionSlices[name] = schema;
  return obj(
    {
      formatVersion: int,
      clock: obj({
        mode: oneOf(...CLOCK_MODES),
        rate: { type: 'number', exclusiveMinimum: 0, maximum: 1e9 },
        anchorVirtual: { type: 'number', minimum: MIN_INSTANT, maximum: MAX_INSTANT },
        anchorWall: num,
      }),
      store: obj(
        {
          // "account/region" -> slices; a slice no area declares is checked as a declared one without a schema
          regions: rec({ type: 'object', properties: regionSlices, additionalProperties: FALLBACK_SLICE_SCHEMA }),
          scheduler: obj({
            seq: int,
            tasks: arr(obj({ id: int, at: num, kind: str, account: str, region: str, payload: anyJson }, { key: str })),
          }),
          rng,
          events: arr(obj({ id: str, 'detail-type': str, source: str, account: str, region: str, time: str, detail: { type: 'object' }, seq: int }, { resources: arr(str) })),
          eventSeq: int,
        },
        { seed: rng },
      ),
    },
    { emulatorVersion: str, savedAt: str },
  );
}

let compiled: { slices: number; validate: ValidateFunction } | undefined;

/** The validator, compiled once all areas have declared their slices (recompiled if more appear). */
function validator(): ValidateFunction {
  const n = declaredSlices().size;
  if (!compiled || compiled.slices !== n) {
    const ajv = new Ajv2020({ allErrors: false, strict: true, allowUnionTypes: true, meta: false, validateSchema: false });
    compiled = { slices: n, validate: ajv.compile(snapshotSchema()) };
  }
  return compiled.validate;
}

/** `/store/regions/1~12/parameters/byName/~1a` -> `store.regions["1/2"].parameters.byName["/a"]`. */
export function readablePath(pointer: string): string {
  if (!pointer) return 'the snapshot';
  return pointer
    .slice(1)
    .split('/')
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg, i) => (/^\d+$/.test(seg) ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? (i === 0 ? seg : `.${seg}`) : `[${JSON.stringify(seg)}]`))
    .join('');
}

function describe(e: ErrorObject): string {
  const at = readablePath(e.instancePath);
  switch (e.keyword) {
    case 'required':
      return `${at === 'the snapshot' ? 'the snapshot' : at} has no ${String((e.params as { missingProperty: string }).missingProperty)}`;
    case 'type':
      return `${at} must be ${String((e.params as { type: string | string[] }).type).replace(/,/g, ' or ')}`;
    case 'enum':
      return `${at} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${at} ${e.message ?? 'is not valid'}`;
  }
}

export function checkSnapshot(value: unknown): Snapshot {
  const s = value as Partial<Snapshot> | null;
  if (!s || typeof s !== 'object' || Array.isArray(s)) throw new SnapshotError('A snapshot must be a JSON object.');
  if (s.formatVersion !== STATE_FORMAT_VERSION) {
    throw new SnapshotError(
      `Snapshot format version ${String(s.formatVersion)} is not supported by this emulator (it reads version ${STATE_FORMAT_VERSION}).`,
    );
  }
  const validate = validator();
  if (!validate(value)) {
    // Behind an anyOf, Ajv reports each branch's failure: the deepest one says what is wrong.
    const first = validate.errors!.reduce((a, b) => (b.instancePath.length > a.instancePath.length ? b : a));
    const message = describe(first);
    const clock = first.instancePath.startsWith('/clock/anchorVirtual') || first.instancePath.startsWith('/clock/rate');
    throw new SnapshotError(
      `The snapshot is not valid: ${message}.${clock ? ' The clock must stay between 1970-01-01 and 9999-12-31, with a rate above 0 and at most 1e9.' : ''}`,
    );
  }
  return s as Snapshot;
}
