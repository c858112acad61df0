import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    // Each command is a chunk of its own, loaded when it runs (src/cli/commands/list.ts): a quick command such as
    // working-days does not load the readers, zod and the XML parser.
    splitting: true,
    // Beside main.js, so that paths relative to a command's module (the bundled example) stay those of src/cli.
    esbuildOptions(options) {
      options.chunkNames = 'cli/[name]-[hash]';
    },
    banner: { js: '#!/usr/bin/env node' },
  },
]);
