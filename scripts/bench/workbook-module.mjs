// The workbook module (src/workbook/), bundled from src/ for the benchmarks: the package does not export it.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled module's file, under .tmp/bench/. */
export const workbookModuleFile = `${root}.tmp/bench/workbook-module.mjs`;

/** Bundles the module with esbuild into {@link workbookModuleFile} and imports it. */
export async function loadWorkbookModule() {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [`${root}src/workbook/index.ts`],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile: workbookModuleFile,
    logLevel: 'warning',
  });
  return import(workbookModuleFile);
}
