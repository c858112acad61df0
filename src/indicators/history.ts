/**
 * Where a repeat indicator (CPP_REPEAT, REPEAT_REFERRALS) looks for a child's history: in the records given, in a
 * column of the return that counts the earlier events (Annex A's `Number of Previous Child Protection Plans` and
 * `Number of Referrals in Last 12 Months`), or in either.
 * @module
 */

import type { NeededColumn } from './needed-columns.js';
import { choiceOption, type DeclaredOption } from './options.js';

/**
 * `records`: only an earlier record of the same child among those given counts; `column`: only the return's count
 * of earlier events (1 or more), a record without it being excluded as not known; `either` (the default): one or
 * the other, so that the column speaks for the history the records cannot see (a plan in another council, a
 * referral before the first record read).
 */
export type RepeatHistory = 'records' | 'column' | 'either';

/**
 * Every way of reading the history, the default first.
 * @example repeatHistories //=> ['either', 'records', 'column']
 */
export const repeatHistories: readonly RepeatHistory[] = ['either', 'records', 'column'];

/**
 * Declares the `history` option of a repeat indicator, set by `--history H`.
 *
 * @param column - the field that counts the earlier events (`previousPlans`, `referralsInLast12Months`).
 * @returns the declaration.
 * @example historyOption('previousPlans').readFlag('Column') //=> { ok: true, value: 'column' }
 */
export function historyOption(
  column: string,
): DeclaredOption<RepeatHistory, { readonly default: RepeatHistory }> {
  return choiceOption({
    name: 'history',
    values: repeatHistories,
    default: 'either',
    flag: 'history',
    placeholder: 'H',
    doc: `where earlier events are seen: \`either\` (the records or \`${column}\`), \`records\` or \`column\` (\`${column}\` only)`,
  }) as DeclaredOption<RepeatHistory, { readonly default: RepeatHistory }>;
}

/**
 * The column a repeat indicator needs when its `history` is `column`: the count of earlier events.
 *
 * @param column - the field that counts the earlier events.
 * @returns the needed column, when `history` is `column`.
 * @example historyColumn('previousPlans').when //=> { option: 'history', value: 'column' }
 */
export function historyColumn(column: string): NeededColumn {
  return { field: column, role: 'count of earlier events', when: { option: 'history', value: 'column' } };
}
