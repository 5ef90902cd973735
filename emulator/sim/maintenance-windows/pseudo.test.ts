import { describe, expect, it } from 'vitest';
import { PSEUDO_NAMES, substitutePseudo } from './pseudo.js';

describe('pseudo parameters', () => {
  it('replaces every supported name (the pattern and the list agree), with or without spaces', () => {
    const values = Object.fromEntries(PSEUDO_NAMES.map((n) => [n, n.toLowerCase()]));
    for (const name of PSEUDO_NAMES) {
      expect(substitutePseudo(`a {{${name}}} b {{ ${name} }}`, values, false)).toBe(`a ${name.toLowerCase()} b ${name.toLowerCase()}`);
    }
  });

  it('leaves TARGET_ID and RESOURCE_ID as written in Run Command tasks, and placeholders without a value', () => {
    expect(substitutePseudo('{{TARGET_ID}} {{RESOURCE_ID}} {{WINDOW_ID}}', { TARGET_ID: 'i-1', RESOURCE_ID: 'i-1', WINDOW_ID: 'mw-1' }, true)).toBe('{{TARGET_ID}} {{RESOURCE_ID}} mw-1');
    expect(substitutePseudo('{{WINDOW_TARGET_ID}} {{UNKNOWN}}', {}, false)).toBe('{{WINDOW_TARGET_ID}} {{UNKNOWN}}');
  });
});
