/**
 * The commands, by name and summary, each loaded when it is run: `cs-indicators working-days` does not load the
 * record readers, zod or the XML parser that `compute` needs, so it starts about as fast as Node itself.
 * @module
 */
import type { CliCommand } from '../context.js';

/** A command of the help list: its name and summary, and how to load the command itself. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  /** Loads the command's module (a chunk of its own in the built CLI). */
  load(): Promise<CliCommand>;
}

/** Every command, in the order the help lists them: one file each under `commands/`. */
export const commandList: readonly CommandEntry[] = [
  {
    name: 'compute',
    summary: 'compute an indicator from a records file',
    load: async () => (await import('./compute.js')).computeCommand,
  },
  {
    name: 'validate',
    summary: 'check a records file: rows read, accepted and rejected, and every issue',
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    name: 'report',
    summary: 'the monthly return: indicators by month against their targets',
    load: async () => (await import('./report.js')).reportCommand,
  },
  {
    name: 'app',
    summary: 'the browser page: the monthly return computed offline in a browser',
    load: async () => (await import('./app.js')).appCommand,
  },
  {
    name: 'spc',
    summary: 'an indicator by month as an XmR chart: signal or noise',
    load: async () => (await import('./spc.js')).spcCommand,
  },
  {
    name: 'working-days',
    summary: 'count the working days between two dates',
    load: async () => (await import('./working-days.js')).workingDaysCommand,
  },
  {
    name: 'deadline',
    summary: 'the date N working days after a start date',
    load: async () => (await import('./deadline.js')).deadlineCommand,
  },
];

/** The summary of the command named `name`, as the help lists it. */
export function summaryOf(name: string): string {
  const entry = commandList.find((command) => command.name === name);
  if (entry === undefined) throw new Error(`no command named ${name} in the command list`);
  return entry.summary;
}
