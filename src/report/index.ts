export { type RenderChartOptions, renderChart } from './chart.js';
export {
  type CheckedIndicator,
  type CheckedReportConfig,
  type ConfigFile,
  checkReportConfig,
  type LoadedInput,
  type LoadedReport,
  type LoadReportOptions,
  loadReportWith,
  type ReportConfig,
  type ReportConfigCheck,
  ReportConfigError,
  type ReportFiles,
  type ReportInputEntry,
  type ReportInputReadOptions,
  refuseReportConfig,
  reportConfigSchema,
} from './config.js';
export { REPORT_CSV_COLUMNS, renderCsv, renderJson } from './csv.js';
export { escapeHtml } from './escape-html.js';
export {
  figurePartNames,
  headlineSource,
  headlineTarget,
  latestReportedMonth,
  ragLabel,
  rateNeededText,
  ruleWords,
  toleranceBasis,
  toleranceSettingWords,
  toleranceWords,
  yearToDateLabel,
} from './headline.js';
export { type RenderHtmlOptions, renderHtml, renderReportContent, reportStyles } from './html.js';
export { escapeMarkdown, renderMarkdown } from './markdown.js';
export {
  type BuildReportOptions,
  buildReport,
  type ReportFigure,
  type ReportIndicator,
  type ReportIndicatorInput,
  type ReportInput,
  type ReportModel,
  type ReportSpc,
  type ReportSpcOptions,
  type ReportTarget,
  type SlowToProgress,
} from './model.js';
export { renderWorkbook } from './render-workbook.js';
export {
  assuranceMeaning,
  assuranceWords,
  chartNumber,
  specialCauseWords,
  variationMeaning,
  variationWords,
} from './spc-words.js';
export { renderSummaryTable } from './text.js';
export { DEFAULT_TOLERANCE, type ResolvedTolerance, resolveTolerance, type Tolerance } from './tolerance.js';
export {
  type WorkbookCell,
  type WorkbookLayout,
  type WorkbookSheet,
  workbookLayout,
} from './workbook.js';
