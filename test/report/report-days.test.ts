import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesBeside, loadReport, readReportConfig } from '../../src/node/report-config.js';
import { loadReportWith } from '../../src/report/config.js';
import { fixturePath } from '../helpers/fixtures.js';

const example = (path: string) => fileURLToPath(new URL(`../../examples/${path}`, import.meta.url));

// A report reads a file as the days of its records when every indicator reading it is counted from two dates
// (NI59's initial assessments, NI60's core assessments: `indicators/from-days.ts`), by the node entry's
// `readRecordsKeeping`. The same config loaded through files without it (records kept as objects, as the browser
// page reads them) must give the same report, model and inputs, to the last figure.
describe('loadReport, its records kept as days where they can be', () => {
  for (const [name, config] of [
    ['the example monthly return (10 indicators, 8 files)', example('report.config.json')],
    ['the test board (NI59 and CPC15)', fixturePath('report', 'config.json')],
    ['the board of the board pack tests', fixturePath('report', 'board.json')],
  ] as const) {
    it(`gives the report the records give: ${name}`, async () => {
      const checked = await readReportConfig(config);
      const files = filesBeside(checked.configPath);
      const kept: string[] = [];
      const viaDays = await loadReportWith(checked, {
        ...files,
        readRecordsKeeping: (kind, entry, options, keep) => {
          kept.push(kind);
          return files.readRecordsKeeping(kind, entry, options, keep);
        },
      } as typeof files);
      const { readRecordsKeeping: _days, ...asObjects } = files;
      const viaRecords = await loadReportWith(checked, asObjects);
      expect(viaDays).toStrictEqual(viaRecords);
      // The initial assessments at least were read as days, or this proves nothing.
      expect(kept).toContain('initial-assessment');
      // And loadReport is that read by days.
      expect(await loadReport(checked)).toStrictEqual(viaRecords);
    });
  }
});
