// Build step: bundles the CLI (dist/cli/main.js and everything it imports, dependencies included) into
// dist/bundle/, one chunk per lazily imported command. Node then resolves and loads a handful of files instead
// of a few hundred, which is most of a cold start. The library (dist/index.js) stays unbundled.
// Modules that read files beside themselves do so relative to their folder's parent (src/util/paths.ts), and
// dist/bundle sits at the same depth as dist/<folder>, so those paths hold in the bundle too.
import { build } from 'esbuild';

await build({
  // The build's worker thread (src/handoff-package/flow-split.ts) loads its own entry, beside the chunks.
  entryPoints: { main: 'dist/cli/main.js', 'flow-split-worker': 'dist/handoff-package/flow-split-worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // CommonJS dependencies (commander, yazl, handlebars) call require; ES modules have none, so give them one.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
});
