/**
 * Defaults that many modules need. Kept here, free of imports, so that area code can use them
 * without importing emulator.ts (which imports every area: a cycle).
 */
export const DEFAULT_ACCOUNT = '000000000000';
export const DEFAULT_REGION = 'us-east-1';
export const EMULATOR_VERSION = '0.1.0';
