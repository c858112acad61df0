import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  configFromForm,
  EMPTY_FORM,
  type FormState,
  formFromConfig,
  type IndicatorForm,
  nameForPicked,
} from '../../src/app/settings.js';
import { checkReportConfig, type ReportConfig, reportConfigSchema } from '../../src/report/config.js';

const example = (path: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../examples/${path}`, import.meta.url)), 'utf8'),
  ) as ReportConfig;

const indicator = (id: string, more: Partial<IndicatorForm> = {}): IndicatorForm => ({
  id,
  options: {},
  headlineSet: '',
  headlinePeriod: '',
  tolerance: { mode: 'default', value: '' },
  fixAfter: '',
  rebase: '',
  screenOutliers: '',
  ...more,
});

describe('configFromForm', () => {
  it.each([
    ['the example year', 'report.config.json'],
    ['the Annex A example (inputs with presets)', 'annex-a/report.config.json'],
  ])('gives back %s imported into the form, key for key', (_name, path) => {
    const config = example(path);
    const { config: again, problems } = configFromForm(formFromConfig(config));
    expect(problems).toEqual([]);
    expect(again).toEqual(config);
  });

  it('gives back a config that uses every key the report config has', () => {
    // Every key of the schema, each with a value other than its default, a config the CLI's check accepts: a key the
    // form did not carry would be lost between import and export (or computing), the settings changed without a word.
    const config = {
      title: 'Leeds monthly return',
      financialYear: 'FY2010',
      asAt: '31/01/2011',
      inputs: {
        allocation: {
          path: 'census.xlsx',
          preset: 'workforce-census',
          sheet: 'Cases',
          censusDate: '2010-09-30',
        },
        worker: { path: 'census.xlsx', preset: 'workforce-census', censusDate: '2010-09-30' },
        neet: { path: 'nccis.csv', preset: 'nccis', snapshotDate: '30/11/2010' },
        referral: { path: 'data/referrals.csv', encoding: 'windows-1252' },
        'initial-assessment': 'data/initial-assessments.csv',
      },
      columnMaps: { referral: 'maps/referrals.json' },
      dateFormat: 'dmy',
      encoding: 'utf-8',
      indicators: [
        'NI59',
        {
          id: 'CASELOAD',
          options: { snapshot: '2011-01-31' },
          headline: { set: 'leeds-2010-plan', period: '2011-03' },
          tolerance: { percentOfTarget: 5 },
          spc: { fixAfter: 12, rebase: ['2010-10'], screenOutliers: true },
        },
      ],
      targetSets: ['leeds-2010-notice'],
      targetFiles: ['targets.json'],
      calendar: {
        region: 'scotland',
        holidays: 'holidays.json',
        closures: ['2010-12-29', { date: '2010-12-30', name: 'Council closure' }],
        id: 'leeds-2010',
      },
      convention: 'inclusive',
      tolerance: { points: 2 },
      spcHistoryMonths: 6,
      rounding: { decimalPlaces: 2, mode: 'half-even' },
    } as const;
    expect(Object.keys(config).sort()).toEqual(Object.keys(reportConfigSchema.shape).sort());
    expect(checkReportConfig(config, 'every.json').problems).toEqual([]);
    const { config: again, problems } = configFromForm(formFromConfig(config as unknown as ReportConfig));
    expect(problems).toEqual([]);
    expect(again).toEqual(config);
  });

  it('leaves every blank setting out, so that the CLI takes its default', () => {
    const form: FormState = { ...EMPTY_FORM, financialYear: ' FY2010 ', indicators: [indicator('NI59')] };
    expect(configFromForm(form)).toEqual({
      config: { financialYear: 'FY2010', inputs: {}, indicators: ['NI59'] },
      problems: [],
    });
  });

  it('writes each indicator’s headline, tolerance and chart settings as the report config has them', () => {
    const form: FormState = {
      ...EMPTY_FORM,
      financialYear: 'FY2010',
      indicators: [
        indicator('NI59', {
          options: { rules: 'wt2010' },
          headlineSet: 'leeds-2010-notice',
          headlinePeriod: '2010-10..2011-03',
          tolerance: { mode: 'percent-of-target', value: '2.5' },
          fixAfter: '12',
          rebase: '2010-10, 2011-01',
          screenOutliers: 'no',
        }),
      ],
      inputs: {
        'initial-assessment': {
          path: 'initial-assessments.csv',
          preset: '',
          sheet: '',
          censusDate: '',
          snapshotDate: '',
          encoding: '',
        },
      },
      tolerance: { mode: 'points', value: '3' },
      closures: ['2010-12-29', { date: '2010-12-30', name: 'Council closure' }],
    };
    const { config, problems } = configFromForm(form);
    expect(problems).toEqual([]);
    expect(config).toEqual({
      financialYear: 'FY2010',
      inputs: { 'initial-assessment': 'initial-assessments.csv' },
      indicators: [
        {
          id: 'NI59',
          options: { rules: 'wt2010' },
          headline: { set: 'leeds-2010-notice', period: '2010-10..2011-03' },
          tolerance: { percentOfTarget: 2.5 },
          spc: { fixAfter: 12, rebase: ['2010-10', '2011-01'], screenOutliers: false },
        },
      ],
      calendar: { closures: ['2010-12-29', { date: '2010-12-30', name: 'Council closure' }] },
      tolerance: { points: 3 },
    });
    // The CLI's own check accepts it: closure days may be listed in the config itself.
    const check = checkReportConfig(config, 'exported.json');
    expect(check.problems).toEqual([]);
    // The check gives an input written as its path back as { path }.
    expect(check.checked?.config).toEqual({
      ...config,
      inputs: { 'initial-assessment': { path: 'initial-assessments.csv' } },
    });
  });

  it('names each value it cannot read, and leaves it out', () => {
    const form: FormState = {
      ...EMPTY_FORM,
      financialYear: 'FY2010',
      indicators: [indicator('NI60', { fixAfter: 'twelve', tolerance: { mode: 'points', value: '-1' } })],
      spcHistoryMonths: '6 months',
      decimalPlaces: '1.5',
    };
    const { config, problems } = configFromForm(form);
    expect(problems).toEqual([
      'months of chart history: expected a whole number, got "6 months"',
      'decimal places: expected a whole number, got "1.5"',
      'NI60: tolerance: expected a number of 0 or more, got "-1"',
      'NI60: XmR limits fixed after: expected a whole number, got "twelve"',
    ]);
    expect(config).toEqual({ financialYear: 'FY2010', inputs: {}, indicators: ['NI60'] });
  });

  it('writes the encodings given, the settings’ and a file’s own, and reads them back', () => {
    // An old Windows-1252 export among new UTF-8 ones: the config's encoding, and the one file's own.
    const form: FormState = {
      ...EMPTY_FORM,
      financialYear: 'FY2010',
      encoding: 'utf-8',
      indicators: [indicator('REF_NO_CAF')],
      inputs: {
        referral: {
          path: 'referrals.csv',
          preset: '',
          sheet: '',
          censusDate: '',
          snapshotDate: '',
          encoding: 'windows-1252',
        },
      },
    };
    const { config, problems } = configFromForm(form);
    expect(problems).toEqual([]);
    expect(config).toEqual({
      financialYear: 'FY2010',
      encoding: 'utf-8',
      inputs: { referral: { path: 'referrals.csv', encoding: 'windows-1252' } },
      indicators: ['REF_NO_CAF'],
    });
    expect(checkReportConfig(config, 'exported.json').problems).toEqual([]);
    const again = formFromConfig(config);
    expect(again.encoding).toBe('utf-8');
    expect(again.inputs.referral?.encoding).toBe('windows-1252');
  });

  it('reads a sheet of digits as a sheet number and keeps a census date', () => {
    const form: FormState = {
      ...EMPTY_FORM,
      financialYear: 'FY2023',
      indicators: [indicator('CASELOAD')],
      inputs: {
        allocation: {
          path: 'census.xlsx',
          preset: 'workforce-census',
          sheet: '2',
          censusDate: '2023-09-30',
          snapshotDate: '',
          encoding: '',
        },
        worker: {
          path: 'census.xlsx',
          preset: 'workforce-census',
          sheet: 'CSWWWorker',
          censusDate: '',
          snapshotDate: '',
          encoding: '',
        },
      },
    };
    expect(configFromForm(form).config.inputs).toEqual({
      allocation: {
        path: 'census.xlsx',
        preset: 'workforce-census',
        sheet: 2,
        censusDate: '2023-09-30',
      },
      worker: { path: 'census.xlsx', preset: 'workforce-census', sheet: 'CSWWWorker' },
    });
  });

  it('keeps a closures file an imported config names, so that a return is not computed without its days', () => {
    // The config names its closure days by a file beside it. Until the analyst chooses that file, the settings must
    // still name it: the worker then refuses ("no file named closures.csv was chosen"), as for a holiday list. Left
    // out, the return would count the council's closure days as working days, and say nothing.
    const config = {
      financialYear: 'FY2010',
      inputs: {},
      indicators: ['NI59'],
      calendar: { closures: 'closures.csv' },
    } as const;
    const { config: again, problems } = configFromForm(formFromConfig(config as unknown as ReportConfig));
    expect(problems).toEqual([]);
    expect(again).toEqual(config);
  });

  it('refuses closure days typed while a closures file named by the settings is still to be chosen', () => {
    // One of the two would be lost: the config holds either a file or a list.
    const form: FormState = {
      ...EMPTY_FORM,
      financialYear: 'FY2010',
      indicators: [indicator('NI59')],
      closures: ['2010-12-29'],
      closuresFile: 'closures.csv',
    };
    const { config, problems } = configFromForm(form);
    expect(problems).toEqual([
      'closure days: the settings name the file "closures.csv": choose it (its days then take the place of those typed)',
    ]);
    expect(config.calendar).toEqual({ closures: ['2010-12-29'] });
  });
});

describe('formFromConfig', () => {
  it('reads a bare tolerance as points and keeps a closures file to be chosen', () => {
    const form = formFromConfig({
      financialYear: 'FY2010',
      inputs: {},
      indicators: ['NI59'],
      tolerance: 4,
      calendar: { closures: 'closures.csv' },
    });
    expect(form.tolerance).toEqual({ mode: 'points', value: '4' });
    expect(form.closures).toEqual([]);
    expect(form.closuresFile).toBe('closures.csv');
  });
});

describe('nameForPicked', () => {
  it('keeps the path an imported config names when the file picked has its name', () => {
    expect(nameForPicked('data/fy2010/caf.csv', 'caf.csv')).toBe('data/fy2010/caf.csv');
    expect(nameForPicked('data\\fy2010\\caf.csv', 'caf.csv')).toBe('data\\fy2010\\caf.csv');
  });

  it('names a file by its own name when it is another file, or nothing was named', () => {
    expect(nameForPicked('data/fy2010/caf.csv', 'caf-2011.csv')).toBe('caf-2011.csv');
    expect(nameForPicked('', 'caf.csv')).toBe('caf.csv');
  });
});
