import { writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

/** The library's entries, each built as ESM and as CommonJS. */
const libraryEntries = { index: 'src/index.ts', 'node/index': 'src/node/index.ts' };

export default defineConfig([
  {
    // The ESM build: the library's two entries and the CLI in one build, so that the CLI's commands import the
    // core's chunks rather than carrying a copy of their own (the install budget of issue 15).
    entry: { ...libraryEntries, 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    // The declarations are written once, as the CommonJS build's .d.cts (below); each .d.ts re-exports its .d.cts,
    // rather than being a second 300 KB copy of the same text. The other way round would not do: TypeScript refuses
    // a .d.cts that re-exports an ES module under module node16. zod, the one dependency whose types appear in the
    // API, gives its .d.cts to import and require alike, so an ESM consumer sees the same zod types either way.
    dts: false,
    async onSuccess() {
      await writeFile('dist/index.d.ts', "export * from './index.cjs';\n");
      await writeFile('dist/node/index.d.ts', "export * from './index.cjs';\n");
    },
    sourcemap: false,
    clean: true,
    target: 'node20',
    // Each CLI command is a chunk of its own, loaded when it runs (src/cli/commands/list.ts): a quick command such
    // as working-days loads only the chunks it reaches, not the readers, zod and the XML parser.
    splitting: true,
    treeshake: true,
    // Every chunk one folder below dist/, as the CLI's were: paths relative to a command's module (the bundled
    // example, the browser page) are those of src/cli. The shebang is main.ts's own first line.
    esbuildOptions(options) {
      options.chunkNames = 'chunks/[name]-[hash]';
    },
  },
  {
    // The CommonJS build of the library's entries (the CLI is ESM only).
    entry: libraryEntries,
    format: ['cjs'],
    dts: true,
    sourcemap: false,
    clean: false,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
]);
