/**
 * Trimming and splitting on a set of characters (IFS for `read`, PowerShell's .Trim(chars) and
 * .Split(chars)). Plain loops rather than a RegExp class built from the script's characters: that
 * would still be a regular expression from a user, and V8 takes quadratic time on `[ ]+$` over a long
 * run of spaces that does not end the string.
 */

/** `s` without the characters of `chars` at its start and/or end. */
export function trimChars(s: string, chars: string, start: boolean, end: boolean): string {
  let a = 0;
  let b = s.length;
  if (start) while (a < b && chars.includes(s[a]!)) a++;
  if (end) while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** `s` split at every character of `chars` (empty pieces kept, as String.split does). */
export function splitOnChars(s: string, chars: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (chars.includes(s[i]!)) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out;
}
