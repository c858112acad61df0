/**
 * The messages between the browser page and its Web Worker. The worker does all the reading and computing (the
 * page never freezes on a 200 MB export); the page only shows. Files travel as `File` objects (the browser passes a
 * handle, not the bytes).
 * @module
 */
import type { Recognition } from '../presets/recognise.js';
import type { RecordAccounting } from '../records/issues.js';
import type { RecordKind } from '../records/schemas.js';

/** The formats the page downloads. */
export type DownloadFormat = 'html' | 'json' | 'xlsx';

/** What the page asks of the worker. Each request has an id; the answers carry it. */
export type PageRequest =
  | {
      readonly type: 'recognise';
      readonly id: number;
      readonly file: File;
      /** Only shapes of this kind (a file given in a kind's field). */
      readonly kind?: RecordKind;
      /** The kinds the indicators chosen read, to settle a tie. */
      readonly wanted: readonly RecordKind[];
    }
  | { readonly type: 'check-settings'; readonly id: number; readonly text: string; readonly name: string }
  | {
      readonly type: 'compute';
      readonly id: number;
      /** The report config, as the page's settings make it (files named as the page shows them). */
      readonly config: unknown;
      /** Every file the config names, by the name it gives. */
      readonly files: readonly { readonly name: string; readonly file: File }[];
      /** Refuse the inputs when any row has an issue (the CLI's `--strict`). */
      readonly strict: boolean;
    }
  | { readonly type: 'download'; readonly id: number; readonly format: DownloadFormat };

/** One issue as the page lists it: its parts, and its line as the CLI prints it. */
export interface PageIssue {
  readonly file: string;
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly row: number;
  readonly field: string | null;
  readonly text: string;
}

/** What became of one input. */
export interface PageInput {
  readonly kind: RecordKind;
  readonly file: string;
  readonly accounting: RecordAccounting;
  /** The issues, at most {@link ISSUES_LISTED}; `issueCount` says how many there are. */
  readonly issues: readonly PageIssue[];
  readonly issueCount: number;
  /** Each issue code with its count, over every issue. */
  readonly issuesByCode: Readonly<Record<string, number>>;
  /** The rows skipped as not records of the kind, in one line, or null. */
  readonly skipped: string | null;
  /** A sentence about the file's encoding, when it was detected rather than given, or null. */
  readonly notice: string | null;
}

/**
 * How many issues of one file the page lists (the CLI prints every one): the rest are counted by code, and the
 * JSON download holds the accounting of every row.
 */
export const ISSUES_LISTED = 500;

/** What the worker tells the page. */
export type WorkerAnswer =
  | { readonly type: 'ready' }
  | { readonly type: 'recognised'; readonly id: number; readonly recognition: Recognition }
  | {
      readonly type: 'settings-checked';
      readonly id: number;
      /** The config, when it can be used; its problems otherwise. */
      readonly config: unknown;
      /** Each problem, with its path in the config. */
      readonly problems: readonly string[];
      /** The problems as the CLI refuses the config, naming it; null when there is none. */
      readonly refusal: string | null;
    }
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly stage: 'reading' | 'computing' | 'rendering';
      readonly file: string | null;
      readonly bytesRead: number;
      readonly size: number;
      readonly rowsRead: number;
    }
  | {
      readonly type: 'report';
      readonly id: number;
      /** The report's content, for `#report`. */
      readonly content: string;
      readonly title: string;
      readonly indicators: number;
      readonly inputs: readonly PageInput[];
      readonly warnings: readonly {
        readonly indicator: string;
        readonly code: string;
        readonly message: string;
      }[];
      readonly milliseconds: number;
    }
  | {
      readonly type: 'refused';
      readonly id: number;
      /** Why, as the CLI says it. */
      readonly message: string;
      /** The issues of an input refused whole. */
      readonly issues: readonly PageIssue[];
    }
  | {
      readonly type: 'file';
      readonly id: number;
      readonly format: DownloadFormat;
      readonly name: string;
      readonly bytes: Uint8Array;
      readonly mime: string;
    }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
