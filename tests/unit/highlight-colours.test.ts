import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLOURS } from '../../src/shared/highlightColours';
import { HIGHLIGHT_ROLES } from '../../src/shared/highlights';
import { DEFAULT_ROLE_SETTINGS } from '../../src/shared/reader/roleSettings';

const css = readFileSync(
  join(import.meta.dirname, '..', '..', 'src', 'renderer', 'src', 'styles', 'highlights.css'),
  'utf8',
).replace(/\/\*[\s\S]*?\*\//g, '');

/** The custom properties declared in the first rule with exactly this selector. */
function declarations(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`highlights.css has no rule for ${selector}`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  const found = new Map<string, string>();
  for (const [, name, value] of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    found.set(name!, value!.trim());
  }
  return found;
}

/** The light and dark values of a light-dark() pair, or the one value for both. */
function lightAndDark(value: string): [string, string] {
  const pair = /^light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)$/i.exec(value);
  if (pair) return [pair[1]!, pair[2]!];
  if (/^#[0-9a-f]{6}$/i.test(value)) return [value, value];
  throw new Error(`expected #rrggbb or light-dark(#rrggbb, #rrggbb), got “${value}”`);
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter! + 0.05) / (darker! + 0.05);
}

const root = declarations(':root');
const sepia = declarations(":root[data-theme='sepia']");

/** Paint and ink per theme; `system` is light or dark as the OS says, so both are covered. */
const THEMES = {
  light: (name: string) => lightAndDark(root.get(name)!)[0],
  dark: (name: string) => lightAndDark(root.get(name)!)[1],
  sepia: (name: string) => sepia.get(name)!,
};

describe('highlight palette', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('has a paint for every palette colour, and nothing else, in each theme', () => {
    const paints = (found: Map<string, string>) =>
      [...found.keys()].filter((name) => name.startsWith('--hl-paint-')).sort();
    const expected = HIGHLIGHT_COLOURS.map((colour) => `--hl-paint-${colour}`).sort();
    expect(paints(root)).toEqual(expected);
    expect(paints(sepia)).toEqual(expected);
    expect(root.has('--hl-ink')).toBe(true);
    expect(sepia.has('--hl-ink')).toBe(true);
  });

  for (const [theme, valueOf] of Object.entries(THEMES)) {
    it(`keeps highlighted text at 7:1 or better on every colour in the ${theme} theme`, () => {
      const ink = valueOf('--hl-ink');
      const ratios = Object.fromEntries(
        HIGHLIGHT_COLOURS.map((colour) => [
          colour,
          Math.round(contrast(ink, valueOf(`--hl-paint-${colour}`)) * 100) / 100,
        ]),
      );
      for (const [colour, ratio] of Object.entries(ratios)) {
        expect(ratio, `${colour} in ${theme}: ${ratio}:1`).toBeGreaterThanOrEqual(7);
      }
    });
  }

  it("paints each role in its default colour before the reader's settings arrive", () => {
    for (const role of HIGHLIGHT_ROLES) {
      expect(root.get(`--hl-${role}`)).toBe(
        `var(--hl-paint-${DEFAULT_ROLE_SETTINGS[role].colour})`,
      );
    }
    // Sepia changes the paints, never which paint a role points at.
    for (const role of HIGHLIGHT_ROLES) expect(sepia.has(`--hl-${role}`)).toBe(false);
  });

  it('writes every highlighted role in the ink the contrast was measured against', () => {
    for (const role of HIGHLIGHT_ROLES) {
      const rule = new RegExp(`::highlight\\(hl-${role}\\)\\s*\\{([^}]*)\\}`).exec(css);
      expect(rule?.[1]).toMatch(/color:\s*var\(--hl-ink\)/);
      expect(rule?.[1]).toMatch(new RegExp(`background-color:\\s*var\\(--hl-${role}\\)`));
    }
  });
});
