/**
 * Which sheet of a workbook a layout reads: by the name or number given, else by the layout's sheet names. One rule
 * for every workbook reader and for recognising a dropped workbook by its sheets.
 * @module
 */
import { looseKey } from './values.js';

/** Which sheet of a workbook the workbook tokenizer reads. */
export interface WorkbookSheetOptions {
  /**
   * The sheet to read: its name (matched ignoring case, spaces and punctuation, so `list3` finds `List_3`) or its
   * 1-based position in the workbook. Default: the first of `sheetNames` found, else the first sheet.
   */
  readonly sheet?: string | number;
  /**
   * Names to look for when `sheet` is not given, best first (matched as `sheet` is; `List 3` also finds a sheet
   * named `List 3 Referrals`). Default: none.
   */
  readonly sheetNames?: readonly string[];
  /** Whether a workbook without any of `sheetNames` is read from its first sheet, instead of refused. Default false. */
  readonly firstSheetOtherwise?: boolean;
}

/**
 * The sheet a read takes, among a workbook's sheet names: the one named or numbered, else the first of `sheetNames`
 * found (exactly, or a name that starts with it: `List 3` finds `List 3 Referrals` but not `List 30`), else the first
 * sheet when `firstSheetOtherwise` (or when no `sheetNames` are given).
 *
 * @param names - the workbook's sheet names, in order.
 * @param options - `sheet`, `sheetNames`, `firstSheetOtherwise`.
 * @returns the sheet's name, or undefined when none fits.
 * @example
 * chooseSheet(['Cover', 'List_3', 'List_4'], { sheetNames: ['List 3', 'Referrals'] }) //=> 'List_3'
 * chooseSheet(['Cover', 'List 30'], { sheetNames: ['List 3'] }) //=> undefined
 */
export function chooseSheet(names: readonly string[], options: WorkbookSheetOptions): string | undefined {
  const { sheet } = options;
  if (typeof sheet === 'number') return names[sheet - 1];
  if (typeof sheet === 'string') return names.find((name) => looseKey(name) === looseKey(sheet));
  for (const wanted of options.sheetNames ?? []) {
    const key = looseKey(wanted);
    const exact = names.find((name) => looseKey(name) === key);
    if (exact !== undefined) return exact;
    // `List 3` also finds `List 3 Referrals` (but not `List 30`).
    const prefixed = names.find((name) => {
      const loose = looseKey(name);
      return loose.startsWith(key) && !/^\d/.test(loose.slice(key.length)) && /\d$/.test(key);
    });
    if (prefixed !== undefined) return prefixed;
  }
  if (
    options.sheetNames !== undefined &&
    options.sheetNames.length > 0 &&
    options.firstSheetOtherwise !== true
  ) {
    return undefined;
  }
  return names[0];
}

/** Sheet names as a message lists them. */
function quoted(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.map((n) => JSON.stringify(n)).join(', ');
}

/**
 * Why no sheet fits, as every workbook reader says it: the sheet asked for, the sheets found, what to do.
 *
 * @param names - the workbook's sheet names.
 * @param options - the sheet asked for, or the names looked for.
 * @returns the message.
 * @example
 * missingSheetMessage(['Cover'], { sheetNames: ['List 3', 'Referrals'] })
 * //=> 'no sheet named "List 3" or "Referrals": sheets found: "Cover". Name the sheet to read (--sheet NAME or N)'
 */
export function missingSheetMessage(names: readonly string[], options: WorkbookSheetOptions): string {
  const { sheet } = options;
  const asked =
    typeof sheet === 'number'
      ? `no sheet number ${sheet} (the workbook has ${names.length})`
      : typeof sheet === 'string'
        ? `no sheet named ${JSON.stringify(sheet)}`
        : `no sheet named ${(options.sheetNames ?? []).map((n) => JSON.stringify(n)).join(' or ')}`;
  return `${asked}: sheets found: ${quoted(names)}. Name the sheet to read (--sheet NAME or N)`;
}

/**
 * Why a sheet gives nothing, as every workbook reader says it.
 *
 * @param sheet - the sheet read.
 * @param names - the workbook's sheet names.
 * @returns the message.
 * @example
 * emptySheetMessage('List 3', ['Cover', 'List 3'])
 * //=> 'the sheet "List 3" is empty: the workbook\'s other sheets are "Cover". Name the sheet to read (--sheet NAME or N)'
 */
export function emptySheetMessage(sheet: string, names: readonly string[]): string {
  const others = names.filter((name) => name !== sheet);
  return `the sheet ${JSON.stringify(sheet)} is empty: the workbook's other sheets are ${quoted(others)}. Name the sheet to read (--sheet NAME or N)`;
}
