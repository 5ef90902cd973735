/** Errors of the /_emulator control API: 400 (or 404) with {"error": code, "message": text}. */
export class ControlError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
