const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'januar', 'jänner', 'janvier'],
  ['february', 'feb', 'februar', 'février', 'fevrier'],
  ['march', 'mar', 'märz', 'maerz', 'mars'],
  ['april', 'apr', 'avril'],
  ['may', 'mai'],
  ['june', 'jun', 'juni', 'juin'],
  ['july', 'jul', 'juli', 'juillet'],
  ['august', 'aug', 'août', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'oktober', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'dezember', 'décembre', 'decembre'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const pad = (n: number): string => String(n).padStart(2, '0');

function ymd(year: string, month: number | undefined, day?: string): string | null {
  if (!month) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  const d = Number(day);
  return d >= 1 && d <= 31 ? `${year}-${pad(month)}-${pad(d)}` : null;
}

/**
 * Reads a string that is only a date ("June 2024", "13-14 June 2024", "July 1, 2007", "2007-07-01",
 * "2024") as "YYYY", "YYYY-MM" or "YYYY-MM-DD", as precise as stated (a day range gives its first
 * day). Month names in English, German and French. Returns null for anything else.
 */
export function parseDate(input: string): string | null {
  const text = input
    .trim()
    .replace(/^[([]|[)\].,;:]$/g, '')
    .trim()
    .toLowerCase();
  let m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:t[\d:.]+z?)?$/.exec(text);
  if (m?.[1] && m[2]) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? ymd(m[1], month, m[3]) : null;
  }
  if (/^(?:19|20)\d{2}$/.test(text)) return text;
  const month = '(\\p{L}+)\\.?';
  m = new RegExp(
    `^(\\d{1,2})(?:er)?\\.?(?:\\s*[-–]\\s*\\d{1,2}\\.?)?\\s+${month}\\s+(\\d{4})$`,
    'u',
  ).exec(text);
  if (m?.[1] && m[2] && m[3]) return ymd(m[3], MONTHS[m[2]], m[1]);
  m = new RegExp(`^${month},?\\s+(\\d{4})$`, 'u').exec(text);
  if (m?.[1] && m[2]) return ymd(m[2], MONTHS[m[1]]);
  m = new RegExp(`^${month}\\s+(\\d{1,2})(?:\\s*[-–]\\s*\\d{1,2})?,?\\s+(\\d{4})$`, 'u').exec(text);
  if (m?.[1] && m[2] && m[3]) return ymd(m[3], MONTHS[m[1]], m[2]);
  return null;
}
