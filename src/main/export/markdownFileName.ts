const FALLBACK = 'Untitled brief';
const MAX_UTF16_UNITS = 100;
// Linux and macOS limit a name to 255 bytes; CJK text takes three bytes a character.
const MAX_UTF8_BYTES = 200;

// Bidirectional controls can disguise a name's real extension ("evil\u202Edm.md").
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Windows device names, reserved with any extension (CON.md, lpt1.notes.md).
const RESERVED_WINDOWS_NAME = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/**
 * A file name for a brief's Markdown export: the same title always gives the same name, and the
 * name is valid on Windows, macOS and Linux and safe in Obsidian links. Ends with `.md`.
 */
export function markdownFileName(title: string): string {
  let name = title
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s*:\s*/g, ' - ')
    .replace(/[/\\|]/g, '-')
    .replace(/"/g, "'")
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    // Invalid on Windows, or breaks an Obsidian link to the file.
    .replace(/[<>?*#^]/g, ' ')
    .replace(/\s+/gu, ' ');
  name = trimName(truncate(trimName(name)));
  if (name === '') name = FALLBACK;
  const [stem = '', ...extensions] = name.split('.');
  // Windows reads the part before the first dot, so the mark goes there.
  if (RESERVED_WINDOWS_NAME.test(stem.trim()))
    name = [`${stem.trimEnd()}_`, ...extensions].join('.');
  return `${name}.md`;
}

// Leading dots hide the file on Unix, a leading dash reads as an option in a shell, and
// Windows drops trailing dots and spaces.
function trimName(name: string): string {
  return name.replace(/^[\s.-]+/u, '').replace(/[\s.]+$/u, '');
}

// Cut between whole characters as the user sees them, never inside a surrogate pair or emoji.
function truncate(name: string): string {
  if (name.length <= MAX_UTF16_UNITS && utf8.encode(name).length <= MAX_UTF8_BYTES) return name;
  let result = '';
  let bytes = 0;
  for (const { segment } of segmenter.segment(name)) {
    const segmentBytes = utf8.encode(segment).length;
    if (result.length + segment.length > MAX_UTF16_UNITS || bytes + segmentBytes > MAX_UTF8_BYTES) {
      break;
    }
    result += segment;
    bytes += segmentBytes;
  }
  return result;
}
