/**
 * The one error type the protocol layer turns into an AWS error response. Modelled errors are
 * generated subclasses (emulator/generated/<service>/errors.ts), one class per wire code
 * (ValidationException, InternalServerError, ...); only the codes the model does not declare
 * (SerializationException, UnknownOperationException, NotImplementedException) are defined here.
 */
export class ServiceError extends Error {
  constructor(
    /** The `__type` AWS sends, e.g. ParameterNotFound. */
    readonly code: string,
    message: string,
    readonly status: number = 400,
    /** The body member that carries the text: the model says "Message" for most shapes, "message" for some. */
    readonly messageMember: string = 'message',
    readonly fields?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = code;
  }

  /**
   * The JSON body, as AWS sends it: `{"__type": code, "<message member>": text, ...extra members}`.
   * An empty message is left out, as AWS leaves it out (GetParameter's ParameterNotFound, recorded
   * from AWS): SDKs then show their own placeholder (the JS SDK v3 "UnknownError"), where `""`
   * would show an empty text.
   */
  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { __type: this.code };
    if (this.fields) {
      for (const [k, v] of Object.entries(this.fields)) if (v !== undefined && v !== null) body[k] = v;
    }
    if (this.message !== '') body[this.messageMember] = this.message;
    return body;
  }
}

/** The request body is not JSON, or a member has the wrong JSON type. */
export class SerializationException extends ServiceError {
  constructor(message: string) {
    super('SerializationException', message, 400, 'message');
  }
}

/** X-Amz-Target names no operation of the service. */
export class UnknownOperationException extends ServiceError {
  constructor(message = '') {
    super('UnknownOperationException', message, 400, 'message');
  }
}

/**
 * An operation the model declares but the emulator does not implement yet. Never a fake success:
 * the caller learns at once which operation and which capability area is missing.
 */
export class NotImplementedException extends ServiceError {
  constructor(operation: string, area: string | undefined) {
    super(
      'NotImplementedException',
      `${operation} is not implemented by the SSM emulator yet` +
        (area ? ` (capability area: ${area}; see COVERAGE.md)` : '') +
        '. The emulator never answers with a fake success.',
      400,
      'message',
    );
  }
}

/** The request's signature scope is not acceptable (AWS's common error for it; not in the SSM model). */
export class InvalidSignatureException extends ServiceError {
  constructor(message: string) {
    super('InvalidSignatureException', message, 400, 'message');
  }
}

/**
 * AWS Region names: two letters, words, a number (us-east-1, us-gov-west-1, ap-southeast-4,
 * us-isob-east-1). The region becomes a key of the state, so anything else (`__proto__`, 5,000
 * characters) is refused before any state exists for it.
 */
const REGION = /^[a-z]{2}(?:-[a-z]{2,16}){1,3}-\d{1,2}$/;

/** AWS's answer to a credential scope with a region that does not exist. */
export function checkRegion(region: string): void {
  if (!REGION.test(region)) throw new InvalidSignatureException(`Credential should be scoped to a valid region, not '${region.length > 64 ? `${region.slice(0, 64)}...` : region}'.`);
}

/** Throws the error that `make` builds unless `condition` holds. */
export function assert(condition: unknown, make: () => ServiceError): asserts condition {
  if (!condition) throw make();
}
