/** A front matter value: a string, or a list of strings written as a flow sequence. */
export type FrontMatterValue = string | readonly string[];

// Words YAML 1.1 readers (still common in note apps) turn into booleans or null.
const RESERVED_WORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null']);
// Plain only when unambiguous: starts with a letter or digit, no YAML indicators, no edge spaces.
const PLAIN_BLOCK = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N} .,'()&/_+-]*[\p{L}\p{M}\p{N}.')])?$/u;
const PLAIN_FLOW = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N} .'()&/_+-]*[\p{L}\p{M}\p{N}.')])?$/u;
// Dates and UTC timestamps stay plain so tools that read dates see one.
const ISO_DATE = /^\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}:\d{2}Z)?)?$/;

/**
 * YAML front matter between `---` lines. Keys are written as given (plain identifiers);
 * values are written plain when that is unambiguous in YAML 1.1 and 1.2, else double-quoted.
 */
export function yamlFrontMatter(entries: readonly (readonly [string, FrontMatterValue])[]): string {
  const lines = entries.map(([key, value]) =>
    typeof value === 'string'
      ? `${key}: ${yamlScalar(value, false)}`
      : `${key}: [${value.map((item) => yamlScalar(item, true)).join(', ')}]`,
  );
  return ['---', ...lines, '---'].join('\n');
}

function yamlScalar(value: string, inFlow: boolean): string {
  return isPlainSafe(value, inFlow) ? value : doubleQuoted(value);
}

function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (ISO_DATE.test(value)) return true;
  if (!(inFlow ? PLAIN_FLOW : PLAIN_BLOCK).test(value)) return false;
  if (RESERVED_WORDS.has(value.toLowerCase())) return false;
  // A leading digit could read as a number (1e5, 0x1F, 1_000); none of those contains a space.
  return !/^\d/.test(value) || value.includes(' ');
}

const NAMED_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u0085': '\\N',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function doubleQuoted(value: string): string {
  let out = '"';
  for (const char of value) {
    const named = NAMED_ESCAPES[char];
    const code = char.codePointAt(0) ?? 0;
    if (named !== undefined) out += named;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\x${hex(code, 2)}`;
    else if (
      (code >= 0xd800 && code <= 0xdfff) ||
      code === 0xfeff ||
      code === 0xfffe ||
      code === 0xffff
    )
      out += `\\u${hex(code, 4)}`;
    else out += char;
  }
  return `${out}"`;
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}
