export { renderCsv, renderJson } from './csv.js';
export { headlineTarget, latestReportedMonth, ragLabel, ragWords, rateNeededText } from './headline.js';
export { escapeMarkdown, renderMarkdown } from './markdown.js';
export {
  type BuildReportOptions,
  buildReport,
  type ReportFigure,
  type ReportIndicator,
  type ReportIndicatorInput,
  type ReportModel,
  type ReportTarget,
} from './model.js';
export { renderSummaryTable } from './text.js';
