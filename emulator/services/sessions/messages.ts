/**
 * The Session Manager area's own texts (the domain's are in sim/sessions/messages.ts). AWS does not
 * document these; the wording is the emulator's [unverified].
 */
export const invalidFilterValue = (key: string, value: string, allowed?: readonly string[]) =>
  `The filter value ${JSON.stringify(value)} is not valid for key ${key}${allowed ? `; valid values: ${allowed.join(', ')}` : ''}.`;

export const invalidNextToken = () => 'The specified token is not valid.';
