/**
 * Reading one cell of each field type (text, yes/no, number, enum), from a CSV cell or a JSON value. Dates are read
 * by `parseDateCell`.
 * @module
 */
import type { InputIssueCode } from './issues.js';

/** The outcome of reading a cell: the normalised value, or an issue code and a message. */
export type CellResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: InputIssueCode; readonly message: string };

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);
/**
 * An answer written as a lettered or numbered choice, as forms and Annex A templates list them: `a) Yes`, `(a) Yes`,
 * `a. Yes`, `1 - Yes`, `1) Yes`, `b) No`, `2 - No`. One letter or up to two digits, then the word yes or no.
 */
const ENUMERATED_ANSWER = /^(?:\(\s*(?:[a-z]|\d{1,2})\s*\)|(?:[a-z]|\d{1,2})\s*[.)-])\s*(yes|no)$/i;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/** Characters of a value shown in a message: a longer value is shortened. */
const SHOWN_CHARS = 100;
/** Characters of a value that is not a string kept in an issue's `value`: a larger one is cut short. */
const DISPLAYED_CHARS = 1000;

function fail<T>(code: InputIssueCode, message: string): CellResult<T> {
  return { ok: false, code, message };
}

/** The first `length` characters of a text, never cutting a character pair in two. */
function firstChars(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

/** What JSON writes for a value inside an array (`undefined`, functions and symbols are skipped in objects). */
function jsonValueOf(value: unknown): unknown {
  const toJson = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof toJson === 'function' ? toJson.call(value) : value;
}

function isSkippedInJson(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** An array or object being written, and how far. */
interface OpenValue {
  readonly value: object;
  readonly keys: readonly string[] | null;
  index: number;
}

/**
 * Writes a value as JSON.stringify does, but without recursion (a value nested 100,000 deep is written without a
 * stack overflow) and cut short after `limit` characters, with `…`. A value that holds itself is written
 * `"[Circular]"` there; a bigint as its digits.
 */
function jsonOf(root: unknown, limit: number): string {
  let out = '';
  const open: OpenValue[] = [];
  const ancestors = new Set<object>();
  let next: unknown = root;
  let pending = true;
  while (out.length <= limit) {
    if (pending) {
      pending = false;
      const value = jsonValueOf(next);
      if (value === null || typeof value === 'boolean') out += String(value);
      else if (typeof value === 'number') out += Number.isFinite(value) ? String(value) : 'null';
      else if (typeof value === 'string') out += JSON.stringify(value);
      else if (typeof value === 'bigint') out += String(value);
      else if (typeof value !== 'object') out += 'null';
      else if (ancestors.has(value)) out += '"[Circular]"';
      else {
        ancestors.add(value);
        const isArray = Array.isArray(value);
        out += isArray ? '[' : '{';
        open.push({ value, keys: isArray ? null : Object.keys(value), index: 0 });
      }
    }
    const current = open[open.length - 1];
    if (current === undefined) return out;
    if (current.keys === null) {
      const items = current.value as readonly unknown[];
      if (current.index < items.length) {
        if (current.index > 0) out += ',';
        next = items[current.index++];
        pending = true;
        continue;
      }
    } else {
      const record = current.value as Readonly<Record<string, unknown>>;
      while (current.index < current.keys.length && !pending) {
        const key = current.keys[current.index++] as string;
        const value = record[key];
        if (isSkippedInJson(value)) continue;
        out += `${out.endsWith('{') ? '' : ','}${JSON.stringify(key)}:`;
        next = value;
        pending = true;
      }
      if (pending) continue;
    }
    out += current.keys === null ? ']' : '}';
    open.pop();
    ancestors.delete(current.value);
  }
  return `${firstChars(out, limit)}…`;
}

/**
 * How a value is shown in a message: strings trimmed and quoted, anything else as JSON; a value longer than 100
 * characters is shortened, with its length.
 * @param value - the raw value.
 * @returns the value as a message shows it.
 * @example showValue(' maybe ') //=> '"maybe"'
 * @example showValue('x'.repeat(5000)).endsWith('x…" (5000 characters)') //=> true
 */
export function showValue(value: unknown): string {
  if (typeof value !== 'string') {
    if (value instanceof Date || isSkippedInJson(value)) return displayValue(value);
    return jsonOf(value, SHOWN_CHARS);
  }
  const text = value.trim();
  if (text.length <= SHOWN_CHARS) return JSON.stringify(text);
  return `${JSON.stringify(`${firstChars(text, SHOWN_CHARS)}…`)} (${text.length} characters)`;
}

/**
 * How a value is kept in an issue's `value`: strings as found, anything else as JSON, cut short after 1,000
 * characters (with `…`). Written without recursion, so a value nested however deep is shown.
 * @param value - the raw value.
 * @returns the value as text.
 * @example displayValue(40452) //=> '40452'
 * @example displayValue({ a: [1, 2] }) //=> '{"a":[1,2]}'
 */
export function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  try {
    return isSkippedInJson(value) ? String(value) : jsonOf(value, DISPLAYED_CHARS);
  } catch {
    // A getter or toJSON that throws.
    return Object.prototype.toString.call(value);
  }
}

/**
 * Whether a cell is blank: absent, null, or a string of spaces. Blank optional cells are absent.
 * @param value - the raw value.
 * @returns true when the cell holds nothing.
 * @example isBlank('  ') //=> true
 */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Reads a text cell: trimmed, line breaks inside written `\n` (so a CRLF file and an LF file give the same text);
 * a finite JSON number is written as text (`123` → `'123'`).
 * @param value - the raw value.
 * @returns the trimmed text, or an `invalid_value` issue.
 * @example readText(' IA-1 ') //=> { ok: true, value: 'IA-1' }
 */
export function readText(value: unknown): CellResult<string> {
  if (typeof value === 'string') return { ok: true, value: value.trim().replace(/\r\n?/g, '\n') };
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: String(value) };
  return fail('invalid_value', `${showValue(value)} is not text: expected a string`);
}

/**
 * Reads a yes/no cell (SPEC 13 "Spellings real exports use"), a closed list: `yes/no`, `y/n`, `true/false`, `1/0`
 * in any case, spaces trimmed; the lettered and numbered choices of forms and Annex A templates (`a) Yes`,
 * `(a) Yes`, `a. Yes`, `1 - Yes`, `b) No`, `2 - No`); a JSON boolean, 1 or 0. A blank cell (absent, null, spaces) is
 * absent, `undefined`: the caller decides what absent means (SPEC: no, where a yes/no column may be blank). Any other
 * value is an `invalid_value` issue, never read as no.
 * @param value - the raw value.
 * @returns true or false, undefined for a blank cell, or an `invalid_value` issue.
 * @example readBoolean('Yes') //=> { ok: true, value: true }
 * @example readBoolean('1 - Yes') //=> { ok: true, value: true }
 * @example readBoolean('') //=> { ok: true, value: undefined }
 * @example readBoolean('maybe').ok //=> false
 */
export function readBoolean(value: unknown): CellResult<boolean | undefined> {
  if (typeof value === 'boolean') return { ok: true, value };
  if (value === 1 || value === 0) return { ok: true, value: value === 1 };
  if (isBlank(value)) return { ok: true, value: undefined };
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return { ok: true, value: true };
    if (FALSE_WORDS.has(word)) return { ok: true, value: false };
    const choice = ENUMERATED_ANSWER.exec(word)?.[1];
    if (choice !== undefined) return { ok: true, value: choice === 'yes' };
  }
  return fail(
    'invalid_value',
    `${showValue(value)} is not a yes/no value: expected true/false, yes/no, y/n or 1/0`,
  );
}

/**
 * Reads a number cell of 0 or more (an FTE, working days lost): `1`, `0`, `0.5`, `.5`, or a JSON number; below 0 is
 * `out_of_range`, text or digits too many to be a finite number `invalid_value`.
 * @param value - the raw value.
 * @returns the number, or an `invalid_value` / `out_of_range` issue.
 * @example readNonNegativeNumber('0') //=> { ok: true, value: 0 }
 */
export function readNonNegativeNumber(value: unknown): CellResult<number> {
  let number: number | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) number = value;
  else if (typeof value === 'string' && NUMBER.test(value.trim())) number = Number(value.trim());
  if (number === undefined) {
    return fail(
      'invalid_value',
      `${showValue(value)} is not a number: expected a number written like 1 or 0.5`,
    );
  }
  if (!Number.isFinite(number)) {
    // Digits enough to pass the pattern, but Infinity once read (some 309 of them or more).
    return fail(
      'invalid_value',
      `${showValue(value)} is too large a number to read: expected a number written like 1 or 0.5`,
    );
  }
  if (number < 0) {
    return fail('out_of_range', `${showValue(value)} is below 0: expected 0 or more, like 1 or 0.5`);
  }
  return { ok: true, value: number };
}

/**
 * Reads a count cell (a number of earlier plans): a whole number, 0 or more: `0`, `2`, `2.0`, or a JSON number;
 * below 0 is `out_of_range`, a fraction, text or a number above 2^53 − 1 (which cannot be held exactly)
 * `invalid_value`.
 * @param value - the raw value.
 * @returns the count, or an `invalid_value` / `out_of_range` issue.
 * @example readCount('2') //=> { ok: true, value: 2 }
 */
export function readCount(value: unknown): CellResult<number> {
  let number: number | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) number = value;
  else if (typeof value === 'string' && NUMBER.test(value.trim())) number = Number(value.trim());
  if (number !== undefined && number > Number.MAX_SAFE_INTEGER) {
    // A whole number to JavaScript (or Infinity), but not one it holds exactly: 2^53 + 1 reads as 2^53.
    return fail(
      'invalid_value',
      `${showValue(value)} is too large to count exactly: expected a count like 0, 1 or 2, at most ${Number.MAX_SAFE_INTEGER}`,
    );
  }
  if (number === undefined || !Number.isInteger(number)) {
    return fail(
      'invalid_value',
      `${showValue(value)} is not a whole number: expected a count like 0, 1 or 2`,
    );
  }
  if (number < 0) {
    return fail('out_of_range', `${showValue(value)} is below 0: expected a count like 0, 1 or 2`);
  }
  return { ok: true, value: number };
}

/**
 * The form in which enum values and headers are compared: lower case, letters and digits only.
 * @param text - a header, field name or enum value.
 * @returns its loose key.
 * @example looseKey('Referral Date') //=> 'referraldate'
 */
export function looseKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Reads an enum cell: matched ignoring case, spaces, hyphens and underscores (`Social Worker` → `social-worker`,
 * `not known` → `NOT_KNOWN`). The values of each enum stay distinct under this matching, so it never guesses.
 * @param value - the raw value.
 * @param values - the allowed values.
 * @returns the allowed value matched, or an `invalid_value` issue listing the values.
 * @example readEnum('Needs Met', ['needs-met', 'other']) //=> { ok: true, value: 'needs-met' }
 */
export function readEnum<T extends string>(value: unknown, values: readonly T[]): CellResult<T> {
  if (typeof value === 'string') {
    const key = looseKey(value);
    const found = values.find((candidate) => looseKey(candidate) === key);
    if (found !== undefined) return { ok: true, value: found };
  }
  return fail(
    'invalid_value',
    `${showValue(value)} is not one of the allowed values: expected ${values.join(', ')}`,
  );
}
