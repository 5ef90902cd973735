/**
 * The compact constraint table that scripts/codegen writes into emulator/generated/<service>/shapes.ts.
 * One entry per model shape, only what validation, serialisation checks and routing need.
 */
export type ShapeDef =
  | StringShape
  | NumberShape
  | { t: 'boolean' }
  | { t: 'timestamp' }
  | { t: 'blob'; min?: number; max?: number; sensitive?: true }
  | ListShape
  | MapShape
  | StructureShape;

export interface StringShape {
  t: 'string';
  min?: number;
  max?: number;
  pattern?: string;
  enum?: readonly string[];
  sensitive?: true;
}

export interface NumberShape {
  /** integer and long are whole numbers; float and double are not. */
  t: 'integer' | 'long' | 'float' | 'double';
  min?: number;
  max?: number;
}

export interface ListShape {
  t: 'list';
  member: string;
  min?: number;
  max?: number;
}

export interface MapShape {
  t: 'map';
  key: string;
  value: string;
  min?: number;
  max?: number;
}

export interface StructureShape {
  t: 'structure';
  /** member name -> shape name, in model order (validation reports in this order). */
  members: Readonly<Record<string, string>>;
  required?: readonly string[];
  union?: true;
  sensitive?: true;
  /** Error shapes: HTTP status and code. */
  error?: { code: string; status: number };
}

export type ShapeTable = Readonly<Record<string, ShapeDef>>;

export interface OperationDef {
  readonly input?: string;
  readonly output?: string;
  readonly errors: readonly string[];
  readonly paging?: {
    readonly inputToken: string;
    readonly outputToken: string;
    readonly limitKey?: string;
    /** Some paginators name several result lists. */
    readonly resultKey: string | readonly string[];
  };
}
