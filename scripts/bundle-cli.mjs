// Build step: bundles the CLI (dist/cli/main.js and everything it imports, dependencies included) into
// dist/bundle/, one chunk per lazily imported command. Node then resolves and loads a handful of files instead
// of a few hundred, which is most of a cold start. The library (dist/index.js) stays unbundled.
// Modules that read files beside themselves do so relative to their folder's parent (src/util/paths.ts), and
// dist/bundle sits at the same depth as dist/<folder>, so those paths hold in the bundle too.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

// The `yaml` library is one file of its own, dist/bundle/yaml.cjs, which every chunk that uses it imports or
// requires. Bundled into the chunks, it sat in a chunk that `build` and `validate` load only to reach js-yaml
// beside it (src/source/yaml-library.ts requires it on first use, for diagnostics): ~260 KB compiled for nothing.
// Its names are listed so that esbuild marks them for Node's CommonJS export detection (import { x } from it).
const YAML_FILE = 'yaml.cjs';
await build({
  stdin: {
    contents: `export { ${Object.keys(require('yaml')).join(', ')} } from 'yaml';`,
    resolveDir: '.',
    loader: 'js',
  },
  outfile: `dist/bundle/${YAML_FILE}`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const yamlOnItsOwn = {
  name: 'yaml-on-its-own',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: `./${YAML_FILE}`, external: true }));
  },
};

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
  plugins: [yamlOnItsOwn],
  // CommonJS dependencies (commander, yazl, handlebars) call require; ES modules have none, so give them one.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
});
