import fc from 'fast-check';
import type { FieldRules } from './apiValidRequests';

export type Path = (string | number)[];

/** A value put in place of a field; sizes stay small here so a failing case prints short. */
export type Replacement =
  | 'forty-two'
  | 'negative'
  | 'fraction'
  | 'NaN'
  | 'Infinity'
  | 'huge number'
  | 'unsafe integer'
  | 'bigint'
  | 'true'
  | 'null'
  | 'empty string'
  | 'short string'
  | 'empty array'
  | 'empty object'
  | 'prototype keys'
  | { id: string }
  | { hugeString: number }
  | { deep: number; as: 'object' | 'array' | 'note' };

export type AddedKey = string | { hugeKey: number };

/** One change to a valid request, described so a failing case can be read and rebuilt. */
export type Mutation =
  | { kind: 'send as is' }
  | { kind: 'drop'; path: Path }
  | { kind: 'add key'; path: Path; key: AddedKey; value: 'plain' | 'object' }
  | { kind: 'replace'; path: Path; with: Replacement };

/** What the answer to a mutated request must be; `any` when it may still be valid. */
export type Expectation = 'refused' | 'not_found' | 'any';

/** Ids a user never types, but a hostile caller would: path separators, NUL, injections. */
export const ODD_IDS = [
  '../../../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  'a/b',
  'brief\u0000.txt',
  '%2e%2e%2f%2e%2e%2f',
  'C:\\briefs\\x',
  "' OR 1=1 --",
  '{"$gt":""}',
  '\u202eevil',
  ' ',
  'x'.repeat(128),
];

export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'then',
];

const SIMPLE: Replacement[] = [
  'forty-two',
  'negative',
  'fraction',
  'NaN',
  'Infinity',
  'huge number',
  'unsafe integer',
  'bigint',
  'true',
  'null',
  'empty string',
  'short string',
  'empty array',
  'empty object',
  'prototype keys',
];

const MIB = 1024 * 1024;
export const DEEP_NESTING = 10_000;

/** Drops, unknown keys and replacements anywhere in `valid`, oversized and deep ones included. */
export function mutationArbitrary(valid: unknown): fc.Arbitrary<Mutation> {
  const paths = pathsIn(valid);
  const members = paths.filter((path) => typeof path.at(-1) === 'string');
  const objects = paths.filter((path) => isRecord(valueAt(valid, path)));
  const replacement: fc.Arbitrary<Replacement> = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...SIMPLE) },
    { weight: 3, arbitrary: fc.constantFrom(...ODD_IDS).map((id) => ({ id })) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: MIB, max: 10 * MIB }).map((size) => ({ hugeString: size })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('object' as const, 'array' as const, 'note' as const)
        .map((as) => ({ deep: DEEP_NESTING, as })),
    },
  );
  const key: fc.Arbitrary<AddedKey> = fc.oneof(
    fc.constantFrom(...PROTOTYPE_KEYS),
    fc.string({ maxLength: 12 }).map((name) => `unknown ${name}`),
    fc.constant(''),
    fc.constant({ hugeKey: MIB }),
  );
  const changes: fc.WeightedArbitrary<Mutation>[] = [
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('replace' as const),
        path: fc.constantFrom(...paths),
        with: replacement,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('add key' as const),
        path: fc.constantFrom(...objects),
        key,
        value: fc.constantFrom('plain' as const, 'object' as const),
      }),
    },
  ];
  if (members.length > 0) {
    changes.push({
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('drop' as const),
        path: fc.constantFrom(...members),
      }),
    });
  }
  return fc.oneof(...changes);
}

/** The valid request with the mutation applied; the valid request itself is left unchanged. */
export function applyMutation(valid: unknown, mutation: Mutation): unknown {
  if (mutation.kind === 'send as is') return structuredClone(valid);
  if (mutation.kind === 'replace' && mutation.path.length === 0) return build(mutation.with);
  const copy = structuredClone(valid);
  const parentPath = mutation.kind === 'add key' ? mutation.path : mutation.path.slice(0, -1);
  const parent = valueAt(copy, parentPath) as Record<string | number, unknown>;
  if (mutation.kind === 'add key') {
    const key = typeof mutation.key === 'string' ? mutation.key : 'k'.repeat(mutation.key.hugeKey);
    const value = mutation.value === 'plain' ? 'added' : { polluted: 'yes' };
    // An own property even for __proto__, as JSON.parse and structured clone make it.
    Object.defineProperty(parent, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else if (mutation.kind === 'drop') {
    delete parent[mutation.path.at(-1)!];
  } else {
    parent[mutation.path.at(-1)!] = build(mutation.with);
  }
  return copy;
}

/**
 * Whether the mutated request must be refused as invalid, must be answered `not_found` (a
 * well-formed id naming nothing), or may be valid. Worked out from the field rules written by
 * hand, not from the schemas under test.
 */
export function expectationOf(rules: FieldRules, valid: unknown, mutation: Mutation): Expectation {
  const inOpenRecord = (path: Path) => path.length > 0 && matchesAny(rules.open, path.slice(0, -1));
  switch (mutation.kind) {
    case 'send as is':
      return 'any';
    case 'drop':
      return inOpenRecord(mutation.path) || matchesAny(rules.optional, mutation.path)
        ? 'any'
        : 'refused';
    case 'add key': {
      if (!matchesAny(rules.open, mutation.path)) return 'refused';
      // zod leaves a record's own __proto__ key out of what it returns, whatever its value:
      // nothing of it is stored, so the rest of the request may be valid.
      if (mutation.key === '__proto__') return 'any';
      return typeof mutation.key === 'string' && mutation.value === 'plain' ? 'any' : 'refused';
    }
    case 'replace':
      return replacementExpectation(rules, valid, mutation.path, mutation.with, inOpenRecord);
  }
}

function replacementExpectation(
  rules: FieldRules,
  valid: unknown,
  path: Path,
  replacement: Replacement,
  inOpenRecord: (path: Path) => boolean,
): Expectation {
  if (!isPlain(replacement) && !isContainer(replacement)) return 'refused';
  if (path.length === 0) {
    const allOptional = Object.keys(valid as object).every((key) =>
      matchesAny(rules.optional, [key]),
    );
    return replacement === 'empty object' && allOptional ? 'any' : 'refused';
  }
  if (inOpenRecord(path)) return isPlain(replacement) ? 'any' : 'refused';
  if (replacement === 'null') return matchesAny(rules.nullable, path) ? 'any' : 'refused';
  const original = valueAt(valid, path);
  const isId = matchesAny(rules.ids, path);
  const isString =
    replacement === 'empty string' || replacement === 'short string' || isOddId(replacement);
  if (typeof original === 'string') {
    if (!isString) return 'refused';
    if (replacement === 'empty string') return isId ? 'refused' : 'any';
    return isId ? 'not_found' : 'any';
  }
  if (typeof original === 'number') {
    return replacement === 'forty-two' || replacement === 'fraction' ? 'any' : 'refused';
  }
  if (typeof original === 'boolean') return replacement === 'true' ? 'any' : 'refused';
  if (original === null) return isString ? 'any' : 'refused';
  if (Array.isArray(original)) return replacement === 'empty array' ? 'any' : 'refused';
  return replacement === 'empty object' ? 'any' : 'refused';
}

/** A value that may stand in a plain field (a note attribute): a string, finite number, boolean or null. */
function isPlain(replacement: Replacement): boolean {
  return typeof replacement === 'string'
    ? !['NaN', 'Infinity', 'bigint', 'empty array', 'empty object', 'prototype keys'].includes(
        replacement,
      )
    : 'id' in replacement;
}

function isContainer(replacement: Replacement): boolean {
  return replacement === 'empty array' || replacement === 'empty object';
}

function isOddId(replacement: Replacement): boolean {
  return typeof replacement === 'object' && 'id' in replacement;
}

let hugeText: string | undefined;
const deepValues = new Map<string, unknown>();

function build(replacement: Replacement): unknown {
  if (typeof replacement === 'object') {
    if ('id' in replacement) return replacement.id;
    if ('hugeString' in replacement) {
      // Starts with what no field accepts (path separators, NUL, markup), then filler; built once.
      hugeText ??= `../\u0000<script>é${'x'.repeat(10 * MIB)}`;
      return hugeText.slice(0, replacement.hugeString);
    }
    const key = `${replacement.as}:${replacement.deep}`;
    if (!deepValues.has(key)) deepValues.set(key, deeplyNested(replacement.deep, replacement.as));
    return deepValues.get(key);
  }
  switch (replacement) {
    case 'forty-two':
      return 42;
    case 'negative':
      return -1;
    case 'fraction':
      return 0.5;
    case 'NaN':
      return Number.NaN;
    case 'Infinity':
      return Number.POSITIVE_INFINITY;
    case 'huge number':
      return 1e308;
    case 'unsafe integer':
      return Number.MAX_SAFE_INTEGER + 2;
    case 'bigint':
      return 10n ** 30n;
    case 'true':
      return true;
    case 'null':
      return null;
    case 'empty string':
      return '';
    case 'short string':
      return 'x';
    case 'empty array':
      return [];
    case 'empty object':
      return {};
    case 'prototype keys':
      return JSON.parse(
        '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"toString":"x"}',
      );
  }
}

/** `depth` levels of objects, arrays, or note nodes (a paragraph in a paragraph in …). */
export function deeplyNested(depth: number, as: 'object' | 'array' | 'note'): unknown {
  let value: unknown = as === 'note' ? { type: 'text', text: 'deep' } : 'deep';
  for (let level = 0; level < depth; level++) {
    value =
      as === 'object'
        ? { a: value }
        : as === 'array'
          ? [value]
          : { type: 'paragraph', content: [value] };
  }
  return as === 'note' ? { type: 'doc', content: [value] } : value;
}

/** Every path in a JSON value, the root (`[]`) first. */
export function pathsIn(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((item, index) => paths.push(...pathsIn(item, [...prefix, index])));
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsIn(item, [...prefix, key]));
  }
  return paths;
}

export function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `path` matches a pattern like `doc.**.attrs` (`*` one segment, `**` any number). */
export function matchesAny(patterns: string[] | undefined, path: Path): boolean {
  return (patterns ?? []).some((pattern) => matches(pattern.split('.'), path.map(String)));
}

function matches(pattern: string[], path: string[]): boolean {
  if (pattern.length === 0) return path.length === 0;
  const [head, ...rest] = pattern;
  if (head === '**') {
    return path.some((_, index) => matches(rest, path.slice(index))) || matches(rest, []);
  }
  return path.length > 0 && (head === '*' || head === path[0]) && matches(rest, path.slice(1));
}
