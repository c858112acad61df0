export { type RenderChartOptions, renderChart } from './chart.js';
export { renderCsv, renderJson } from './csv.js';
export { escapeHtml } from './escape-html.js';
export {
  headlineTarget,
  latestReportedMonth,
  ragLabel,
  rateNeededText,
  toleranceWords,
} from './headline.js';
export { type RenderHtmlOptions, renderHtml } from './html.js';
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
