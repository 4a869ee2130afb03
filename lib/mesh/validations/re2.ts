/**
 * Checks a regular expression the way Envoy would take it: Envoy compiles VirtualService regexes with
 * Google RE2, not with JavaScript's engine. The two differ, so the pattern is screened and translated
 * before JavaScript compiles it:
 * - RE2 refuses lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`) and backreferences (`\1`, `\k<name>`), which
 *   JavaScript accepts: those are reported, not compiled.
 * - RE2 syntax JavaScript lacks is translated: `(?P<name>…)` named groups, leading flag groups such as
 *   `(?i)`/`(?s)`, `\A` and `\z` anchors, `\Q…\E` literal spans and POSIX classes like `[[:digit:]]`.
 * - Envoy matches the whole string (the pattern is implicitly anchored); that changes what matches but
 *   not whether it compiles, so it is not modelled here.
 * Remaining differences (e.g. RE2's program-size limit) are left to the API server and Envoy.
 */
export type Re2Result = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const POSIX: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  digit: '0-9',
  lower: 'a-z',
  upper: 'A-Z',
  space: '\\t\\n\\v\\f\\r ',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
  punct: '!-\\/:-@\\[-`{-~',
};

const escapeLiteral = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function checkRe2(pattern: string): Re2Result {
  if (/\(\?<?[=!]/.test(pattern))
    return { ok: false, reason: 'lookahead and lookbehind are not supported by RE2 (Envoy)' };
  if (/(^|[^\\])(\\\\)*\\([1-9]|k<)/.test(pattern))
    return { ok: false, reason: 'backreferences are not supported by RE2 (Envoy)' };
  let source = pattern.replace(/\\Q(.*?)(\\E|$)/g, (_, literal: string) => escapeLiteral(literal));
  let flags = '';
  const leading = /^\(\?([imsU]+)\)/.exec(source);
  if (leading?.[1]) {
    if (leading[1].includes('U'))
      return { ok: false, reason: 'the U (ungreedy) flag cannot be checked here' };
    flags = [...new Set(leading[1])].join('');
    source = source.slice(leading[0].length);
  }
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    .replace(/\[:(\w+):\]/g, (whole, name: string) => POSIX[name] ?? whole);
  if (/\(\?[a-zA-Z]+[:)]/.test(source))
    return {
      ok: false,
      reason: 'inline flag groups other than a leading one cannot be checked here',
    };
  try {
    new RegExp(source, flags);
    return { ok: true };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: message.replace(/^Invalid regular expression: \/.*\/\w*: /, '') };
  }
}
