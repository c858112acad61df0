import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getIndicator, indicatorIds, ni60Definition } from '../../src/indicators/index.js';
import {
  indicatorDocsMarkdown,
  neededColumnsMarkdown,
  optionsBlocks,
  optionsMarkdown,
} from '../../src/indicators/option-docs.js';

const docsPath = fileURLToPath(new URL('../../docs/indicators.md', import.meta.url));
/** `npm run docs:options` runs this file with CSI_UPDATE_DOCS=1: the blocks are rewritten instead of checked. */
const update = process.env.CSI_UPDATE_DOCS === '1';

describe('optionsMarkdown', () => {
  it('makes one row per declared option: name, default, flag and doc', () => {
    expect(optionsMarkdown(ni60Definition)).toBe(
      [
        '| option      | default | CLI             | what it does                  |',
        '| ----------- | ------- | --------------- | ----------------------------- |',
        '| `timescale` | `35`    | `--timescale N` | the timescale in working days |',
        '',
      ].join('\n'),
    );
  });

  it('says where records and breakdown options come from, and when there are none', () => {
    const caseload = optionsMarkdown(getIndicator('CASELOAD'));
    expect(caseload).toContain('`--allocations FILE` instead of `--input`');
    expect(caseload).toContain('`--workers FILE`; in a report config `inputs.worker`');
    expect(caseload).toContain('`--mode M`, `--month-end-mean`');
    expect(caseload).toContain('(set by `--by team`)');
    expect(optionsMarkdown(getIndicator('ASSESS45'))).toContain(
      'required, unless `from` is `assessment-start` (`--from assessment-start`)',
    );
    expect(optionsMarkdown(getIndicator('CPP_2YEARS'))).toBe('Only the options every indicator takes.\n');
    expect(optionsMarkdown(getIndicator('CPP_REPEAT'))).toContain('`--history H`');
  });
});

describe('neededColumnsMarkdown', () => {
  it('names each column an indicator needs, what for, of which records and with which option', () => {
    expect(neededColumnsMarkdown(ni60Definition)).toBe(
      'Columns it needs (a file without one is refused, `missing_column`): `completedDate` (event date), `startDate` (start date).\n',
    );
    const assess45 = neededColumnsMarkdown(getIndicator('ASSESS45'));
    expect(assess45).toContain('`referralDate` of the `referrals` (start date)');
    const cpc15 = neededColumnsMarkdown(getIndicator('CPC15'));
    expect(cpc15).toContain('`s47StartDate` (start date, with `startEvent` `s47-start`)');
  });
});

describe('docs/indicators.md', () => {
  it("holds each indicator's options exactly as its declarations give them (npm run docs:options rewrites them)", () => {
    let text = readFileSync(docsPath, 'utf8');
    const blocks = optionsBlocks(text);
    const documented = blocks.flatMap((block) => block.ids);
    // Every indicator has a block, once: a new indicator needs one in its section.
    expect([...documented].sort()).toEqual([...indicatorIds].sort());
    // Last block first, so that rewriting one does not move the others.
    for (const block of [...blocks].reverse()) {
      const tables = block.ids.map((id) => indicatorDocsMarkdown(getIndicator(id)));
      // Indicators sharing a block take the same options.
      for (const table of tables) expect(table).toBe(tables[0]);
      const wanted = `\n${tables[0]}\n`;
      if (update) text = text.slice(0, block.start) + wanted + text.slice(block.end);
      else
        expect(block.body, `the options of ${block.ids.join(', ')}: run npm run docs:options`).toBe(wanted);
    }
    if (update) writeFileSync(docsPath, text);
  });
});
