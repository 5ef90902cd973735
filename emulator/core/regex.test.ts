import { describe, expect, it } from 'vitest';
import { compileUserRegex, compileWildcard, UserRegexError, type RegexDialect } from './regex.js';

const java = (p: string, flags?: string) => compileUserRegex(p, { dialect: 'java', flags });
const ecma = (p: string) => compileUserRegex(p, { dialect: 'ecma' });
const refusal = (p: string, dialect: RegexDialect = 'java') => {
  try {
    compileUserRegex(p, { dialect });
  } catch (e) {
    expect(e).toBeInstanceOf(UserRegexError);
    return (e as Error).message;
  }
  throw new Error(`expected ${p} to be refused`);
};

// 40 characters: a backtracking engine needs 2^40 steps, so a regression hangs the test instead of passing.
const CATASTROPHIC = 'a'.repeat(40) + '!';

describe('compileUserRegex: linear time', () => {
  it('answers catastrophic patterns at once, in both dialects and both match modes', () => {
    for (const dialect of ['java', 'ecma'] as const) {
      for (const p of ['(a+)+$', '(a|aa)*c', '(a*)*b', '^(a+)+$', '(?:a|a)*!x']) {
        const re = compileUserRegex(p, { dialect });
        expect(re.test(CATASTROPHIC)).toBe(false);
        expect(re.matches(CATASTROPHIC)).toBe(false);
      }
    }
    expect(java('(a+)+!').matches(CATASTROPHIC)).toBe(true);
    expect(java('(a+)+').test('a'.repeat(200_000) + '!')).toBe(true);
  });

  it('answers a catastrophic lookbehind at once', () => {
    expect(java('(?<=(a+)+)!x').test(CATASTROPHIC)).toBe(false);
  });
});

describe('compileUserRegex: match modes and flags', () => {
  it('test() searches, matches() needs the whole value (Java Matcher.matches)', () => {
    expect(java('\\d{1,4}').test('abc123')).toBe(true);
    expect(java('\\d{1,4}').matches('abc123')).toBe(false);
    expect(java('\\d{1,4}').matches('1234')).toBe(true);
    expect(java('a|ab').matches('ab')).toBe(true); // whole-value, not first-alternative-then-anchor
  });

  it('honours flags and inline flags', () => {
    expect(java('abc', 'i').matches('ABC')).toBe(true);
    expect(java('(?i)abc').matches('AbC')).toBe(true);
    expect(java('(?i:a)b').matches('Ab')).toBe(true);
    expect(java('(?i:a)b').matches('AB')).toBe(false);
    expect(java('a(?i)b(?-i)c').matches('aBc')).toBe(true);
    expect(java('a(?i)b(?-i)c').matches('aBC')).toBe(false);
    expect(java('^b$', 'm').test('a\nb\nc')).toBe(true);
    expect(() => compileUserRegex('a', { dialect: 'java', flags: 'g' })).toThrow(UserRegexError);
  });

  it('caches compiled patterns per dialect and flags', () => {
    expect(java('x+')).toBe(java('x+'));
    expect(java('x+', 'i')).not.toBe(java('x+'));
    expect(ecma('x+')).not.toBe(java('x+'));
  });
});

describe("compileUserRegex: Java's syntax", () => {
  it('reads \\p{..} classes as Java does', () => {
    expect(java('\\p{L}+').matches('Ünïcødé')).toBe(true);
    expect(java('\\p{IsL}+').matches('abc')).toBe(true);
    expect(java('\\p{Lu}').matches('É')).toBe(true);
    expect(java('\\pL\\pN').matches('x9')).toBe(true);
    expect(java('\\p{IsLatin}+').matches('abé')).toBe(true);
    expect(java('\\p{IsGreek}').matches('a')).toBe(false);
    expect(java('\\p{IsGREEK}').matches('λ')).toBe(true); // script names ignore case in Java
    expect(java('\\p{IsAlphabetic}').matches('ª')).toBe(true);
    expect(java('\\p{IsLowercase}').matches('ª')).toBe(true);
    expect(java('\\p{script=Cyrillic}').matches('Ж')).toBe(true);
    expect(java('\\p{gc=Nd}').matches('٣')).toBe(true);
    expect(java('\\p{IsLetter}\\p{IsDigit}').matches('é٣')).toBe(true);
    expect(java('\\p{IsWhite_Space}').matches('\u2003')).toBe(true);
    // POSIX classes are US-ASCII in Java
    expect(java('\\p{Alpha}+').matches('abcXYZ')).toBe(true);
    expect(java('\\p{Alpha}').matches('é')).toBe(false);
    expect(java('\\p{Punct}').matches('!')).toBe(true);
    expect(java('\\p{XDigit}+').matches('0fA')).toBe(true);
    expect(java('[\\p{Alnum}_-]+').matches('a_b-9')).toBe(true);
    expect(java('\\P{Alpha}').matches('1')).toBe(true);
    expect(java('[^\\P{Digit}]').matches('5')).toBe(true);
    expect(java('[\\P{Digit}x]').matches('5')).toBe(false);
    expect(java('\\p{ASCII}').matches('\u00e9')).toBe(false);
  });

  it('reads Java escapes: \\uXXXX, octal, \\cX, \\e, \\h, \\v, \\s, \\Q..\\E', () => {
    expect(java('\\u00e9').matches('é')).toBe(true);
    expect(java('[\\u0041-\\u005A]+').matches('ABC')).toBe(true);
    expect(java('\\uD83D\\uDE00').matches('😀')).toBe(true);
    expect(java('\\0101').matches('A')).toBe(true);
    expect(java('\\012').matches('\n')).toBe(true);
    expect(java('\\cI').matches('\t')).toBe(true);
    expect(java('\\e').matches('\x1b')).toBe(true);
    expect(java('\\h').matches('\u00a0')).toBe(true);
    expect(java('\\v').matches('\u2028')).toBe(true); // Java's \v is vertical whitespace, RE2's only \x0B
    expect(java('\\s').matches('\x0b')).toBe(true); // Java's \s includes \x0B, RE2's does not
    expect(java('\\S').matches('\x0b')).toBe(false);
    expect(java('\\Q.*[\\E').matches('.*[')).toBe(true);
    expect(java('\\Q.*\\E').matches('ab')).toBe(false);
    expect(java('[\\Q]-\\E]+').matches('-]')).toBe(true);
  });

  it("reads . as Java does: no line terminator unless (?s); (?d) makes only \\n one", () => {
    expect(java('a.b').matches('a\rb')).toBe(false);
    expect(java('a.b').matches('a\u2028b')).toBe(false);
    expect(java('(?s)a.b').matches('a\rb')).toBe(true);
    expect(java('a.b', 's').matches('a\nb')).toBe(true);
    expect(java('(?d)a.b').matches('a\rb')).toBe(true);
    expect(java('(?d)a.b').matches('a\nb')).toBe(false);
    expect(java('(?s:a.)b.').matches('a\nbx')).toBe(true);
    expect(java('(?s:a.)b.').matches('a\nb\n')).toBe(false);
  });

  it('supports lookbehinds and named or numbered groups', () => {
    expect(java('\\w+(?<=x)').matches('abx')).toBe(true);
    expect(java('\\w+(?<=x)').matches('abc')).toBe(false);
    expect(java('\\w+(?<!x)').matches('abx')).toBe(false);
    expect(java('(?<=(a))b').test('ab')).toBe(true); // a capture inside a lookbehind
    expect(java('(?<year>\\d{4})-(\\d{2})').matches('2025-01')).toBe(true);
  });

  it('accepts u and d flags, lazy quantifiers and counted repeats', () => {
    expect(java('(?iu)é').matches('É')).toBe(true);
    expect(java('a+?b*?c??').matches('aab')).toBe(true);
    expect(java('a{2,3}?').matches('aaa')).toBe(true);
    expect(java('a{2,}').matches('aaaaa')).toBe(true);
  });

  it('refuses what a linear-time engine cannot run, with a plain error', () => {
    expect(refusal('(?=a)a')).toContain('lookaheads');
    expect(refusal('a(?!b)')).toContain('lookaheads');
    expect(refusal('(?>a+)b')).toContain('atomic groups');
    expect(refusal('a++b')).toContain('possessive');
    expect(refusal('a*+b')).toContain('possessive');
    expect(refusal('a?+b')).toContain('possessive');
    expect(refusal('a{2}+b')).toContain('possessive');
    expect(refusal('(a)\\1')).toContain('backreferences');
    expect(refusal('(?<n>a)\\k<n>')).toContain('backreferences');
  });

  it('refuses what RE2 would silently read another way', () => {
    expect(refusal('[a-z&&[^aeiou]]')).toContain('intersections');
    expect(refusal('[a[b]]')).toContain('unions');
    expect(refusal('\\p{InGreek}')).toContain('blocks');
    expect(refusal('\\p{javaLowerCase}')).toContain('javaLowerCase');
    expect(refusal('\\p{IsIdeographic}')).toContain('Ideographic');
    expect(refusal('\\p{Alphabetic}')).toContain('Alphabetic'); // Java needs the Is prefix
    expect(refusal('\\p{Latin}')).toContain('Latin'); // Java needs IsLatin or script=
    expect(refusal('(?x)a b')).toContain('flag x');
    expect(refusal('(?U)\\w')).toContain('flag U');
    expect(refusal('a{')).toContain('repetition');
    expect(refusal('a{,3}')).toContain('repetition');
    expect(refusal('\\0')).toContain('octal');
  });

  it('refuses a pattern whose expanded program is too large to compile promptly', () => {
    expect(java('a{1000}'.repeat(4)).matches('a'.repeat(4000))).toBe(true);
    expect(refusal('a{1000}'.repeat(6))).toContain('too large');
    expect(refusal('(?:(?:ab|cd){100}){30}')).toContain('too large');
    expect(refusal('(x{100}|y){60}')).toContain('too large');
    expect(refusal('\\Q' + 'x'.repeat(6000) + '\\E')).toContain('too large');
    expect(java('(?i)(a{10}){10}b').matches('A'.repeat(100) + 'b')).toBe(true);
  });

  it('refuses what is not a regular expression', () => {
    for (const p of ['\\p{constructor}', '\\p{__proto__}', '\\p{IstoString}', '\\p{Isconstructor}', '\\p{gc=constructor}']) {
      expect(() => java(p), p).toThrow(UserRegexError);
      expect(() => ecma(p), p).toThrow(UserRegexError);
    }
    for (const p of ['([a-z', '(', 'a)', '[a', '*a', 'a**', '\\', '\\G', '\\R', '\\Z', '\\X', '(?P<n>a)', '\\u12', 'a{2000}', '((a{100}){100}){100}']) {
      expect(() => java(p), p).toThrow(UserRegexError);
    }
  });

  it("compiles every allowedPattern of the shipped AWS documents' kind", () => {
    // Patterns as AWS's own documents write them (fixtures/documents).
    const aws = [
      '^([1-9]|[1-9][0-9]{1,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$',
      '([1-9][0-9]{0,4})|(1[0-6][0-9]{4})|(17[0-1][0-9]{3})|(172[0-7][0-9]{2})|(172800)',
      "^\\s*$|^(http|https|s3)://[^']*$",
      '^$|^\\w+\\=[^\\s|:();&]+(\\s\\w+\\=[^\\s|:();&]+)*$',
      '(^$)|^https://.+$|^s3://([^/]+)/(.*?([^/]+))$',
    ];
    expect(java(aws[0]!).matches('22')).toBe(true);
    expect(java(aws[0]!).matches('65536')).toBe(false);
    expect(java(aws[1]!).matches('3600')).toBe(true);
    expect(java(aws[2]!).matches('https://example.com/x')).toBe(true);
    expect(java(aws[3]!).matches('a=b c=d')).toBe(true);
    expect(java(aws[4]!).matches('s3://bucket/key/file.yml')).toBe(true);
  });
});

describe('compileWildcard (IAM policy Actions and Resources)', () => {
  it('reads * and ? as wildcards and everything else literally, over the whole value', () => {
    expect(compileWildcard('ssm:Get*', { ignoreCase: true }).matches('ssm:getparameter')).toBe(true);
    expect(compileWildcard('ssm:Get*').matches('ssm:getparameter')).toBe(false);
    expect(compileWildcard('ssm:Get?').matches('ssm:Gets')).toBe(true);
    expect(compileWildcard('ssm:Get?').matches('ssm:Get')).toBe(false);
    expect(compileWildcard('a.b(c)[d]{1}+|$^\\').matches('a.b(c)[d]{1}+|$^\\')).toBe(true);
    expect(compileWildcard('a.b').matches('axb')).toBe(false);
    expect(compileWildcard('arn:*').matches('arn:x\ny')).toBe(true);
    expect(compileWildcard('x').matches('xx')).toBe(false);
  });

  it('answers many wildcards against a long value at once', () => {
    expect(compileWildcard('*a'.repeat(30) + 'b').matches('a'.repeat(5000))).toBe(false);
  });
});

describe("compileUserRegex: ECMA-262's syntax (JSON Schema)", () => {
  it('reads ECMA escapes and classes', () => {
    expect(ecma('^\\u00e9$').test('é')).toBe(true);
    expect(ecma('^\\u{1F600}$').test('😀')).toBe(true);
    expect(ecma('^\\cJ$').test('\n')).toBe(true);
    expect(ecma('^\\s$').test('\u00a0')).toBe(true); // ECMA's \s is Unicode-wide
    expect(ecma('^\\s$').test('\ufeff')).toBe(true);
    expect(ecma('^[\\S]$').test(' ')).toBe(false);
    expect(ecma('^[^]$').test('\n')).toBe(true);
    expect(ecma('[]').test('anything')).toBe(false);
    expect(ecma('^[[]$').test('[')).toBe(true);
    expect(ecma('^[[:alpha:]]$').test(':')).toBe(false); // [[:alpha:] then ]: no POSIX class in ECMA
    expect(ecma('^[[:alpha:]]$').test(':]')).toBe(true);
    expect(ecma('^[\\b]$').test('\b')).toBe(true);
    expect(ecma('^a.b$').test('a\rb')).toBe(false);
    expect(ecma('^\\p{Letter}+$').test('Ωmega')).toBe(true);
    expect(ecma('^\\p{Script=Greek}$').test('Ω')).toBe(true);
    expect(ecma('^\\p{Lu}$').test('a')).toBe(false);
    expect(ecma('^(?<n>x)\\/$').test('x/')).toBe(true);
    expect(ecma('^\\d+$').test('123')).toBe(true);
  });

  it('refuses lookaheads, backreferences and non-ECMA escapes', () => {
    expect(refusal('(?=a)', 'ecma')).toContain('lookaheads');
    expect(refusal('(a)\\1', 'ecma')).toContain('backreferences');
    expect(refusal('\\Qa\\E', 'ecma')).toContain('\\Q');
    expect(refusal('\\Aa', 'ecma')).toContain('\\A');
    expect(refusal('\\p{Latin}', 'ecma')).toContain('Latin');
  });
});
