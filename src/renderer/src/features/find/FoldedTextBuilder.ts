import { foldCharacter } from './foldCharacter';
import { dropsMark, type MarkFolding } from './markFolding';

/** Stands between blocks in a folded text; a folded query never contains it. */
export const BLOCK_SEPARATOR = '\n';

/**
 * Text folded for searching, with a map back to where each UTF-16 unit came from: the source
 * segment (a text node) and the span of that segment it was folded from.
 */
export interface FoldedText {
  text: string;
  /** The segment each unit came from; -1 for block separators. */
  segment: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

// Invisible format characters and the Arabic tatweel (a stretched joint, not a letter).
const IGNORED =
  /[\u00ad\u061c\u0640\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;
const WHITESPACE = /\s/;
const MARK = /\p{M}/u;
const SPACE = 0x20;
const SEPARATOR = BLOCK_SEPARATOR.charCodeAt(0);

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/**
 * Folds text segment by segment: lower case, marks dropped where they are diacritics (see
 * markFolding), whitespace runs as one space, blocks kept apart by BLOCK_SEPARATOR. Each code
 * point is decomposed on its own, so every folded unit maps back to exact source offsets.
 */
export class FoldedTextBuilder {
  // Growable typed arrays: a long brief folds to hundreds of thousands of units.
  private units = new Uint16Array(1024);
  private segments = new Int32Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private length = 0;
  private folding: MarkFolding = 'none';
  private base = 0;

  append(source: string, segment: number): void {
    for (let offset = 0; offset < source.length;) {
      const code = source.charCodeAt(offset);
      if (code < 0x80) {
        if (isAsciiSpace(code)) {
          this.pushSpace(segment, offset, offset + 1);
        } else {
          const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
          this.push(lower, segment, offset, offset + 1);
          this.folding = isAsciiLetter(code) ? 'diacritics' : 'none';
          this.base = lower;
        }
        offset += 1;
        continue;
      }
      const codePoint = source.codePointAt(offset) ?? code;
      const next = offset + (codePoint > 0xffff ? 2 : 1);
      const character = String.fromCodePoint(codePoint);
      if (IGNORED.test(character)) {
        // Nothing to match: the characters around it meet.
      } else if (WHITESPACE.test(character)) {
        this.pushSpace(segment, offset, next);
      } else if (MARK.test(character)) {
        this.pushMark(character, codePoint, segment, offset, next);
      } else {
        const folded = foldCharacter(codePoint);
        for (let unit = 0; unit < folded.text.length; unit += 1) {
          this.push(folded.text.charCodeAt(unit), segment, offset, next);
        }
        this.folding = folded.folding;
        this.base = folded.base;
      }
      offset = next;
    }
  }

  /** A line break inside a block (`<br>`): reads as a space. */
  lineBreak(): void {
    if (this.length === 0) return;
    const last = this.length - 1;
    this.pushSpace(this.segments[last] ?? 0, this.ends[last] ?? 0, this.ends[last] ?? 0);
  }

  /** Ends a block, so that no match runs on into the next one. */
  separate(): void {
    if (this.lastUnit() === SPACE) this.length -= 1;
    if (this.length > 0 && this.lastUnit() !== SEPARATOR) this.push(SEPARATOR, -1, 0, 0);
    this.folding = 'none';
  }

  build(): FoldedText {
    const units = this.units.subarray(0, this.length);
    let text = '';
    // fromCharCode takes its units as arguments, so a chunk must stay below the engine's limit.
    for (let from = 0; from < units.length; from += 8192) {
      text += String.fromCharCode(...units.subarray(from, from + 8192));
    }
    return {
      text,
      segment: this.segments.slice(0, this.length),
      start: this.starts.slice(0, this.length),
      end: this.ends.slice(0, this.length),
    };
  }

  private lastUnit(): number {
    return this.length > 0 ? (this.units[this.length - 1] ?? -1) : -1;
  }

  private push(unit: number, segment: number, start: number, end: number): void {
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.segments[this.length] = segment;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length += 1;
  }

  private grow(): void {
    const size = this.units.length * 2;
    const units = new Uint16Array(size);
    const segments = new Int32Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    units.set(this.units);
    segments.set(this.segments);
    starts.set(this.starts);
    ends.set(this.ends);
    this.units = units;
    this.segments = segments;
    this.starts = starts;
    this.ends = ends;
  }

  private pushSpace(segment: number, start: number, end: number): void {
    this.folding = 'none';
    const last = this.lastUnit();
    if (last === -1 || last === SPACE || last === SEPARATOR) return;
    this.push(SPACE, segment, start, end);
  }

  /** A combining mark written as its own code point, after the letter it belongs to. */
  private pushMark(mark: string, codePoint: number, segment: number, start: number, end: number) {
    const last = this.length - 1;
    const follows = last >= 0 && this.segments[last] === segment && this.ends[last] === start;
    if (dropsMark(this.folding, this.base, codePoint)) {
      // The match on the letter then covers its mark too, so a highlight never splits them.
      if (follows) this.ends[last] = end;
      return;
    }
    if (follows) {
      // Decomposed source (и + breve) must match the composed query (й) and the reverse.
      const composed = (String.fromCharCode(this.units[last] ?? 0) + mark).normalize('NFC');
      if (composed.length === 1) {
        this.units[last] = composed.toLowerCase().charCodeAt(0);
        this.ends[last] = end;
        return;
      }
    }
    for (let unit = 0; unit < mark.length; unit += 1) {
      this.push(mark.charCodeAt(unit), segment, start, end);
    }
  }
}
