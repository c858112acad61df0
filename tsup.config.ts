import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The ESM build: the library's two entries and the CLI in one build, so that the CLI's commands import the
    // core's chunks rather than carrying a copy of their own (the install budget of issue 15).
    entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts', 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' } },
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
    entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' } },
    sourcemap: false,
    clean: false,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
]);
