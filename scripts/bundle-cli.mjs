// Build step: bundles the CLI (dist/cli/main.js and everything it imports, dependencies included) into
// dist/bundle/cli.cjs. Node then reads one file instead of a few hundred, which is most of a cold start. The library (dist/index.js) stays unbundled.
// Modules that read files beside themselves do so relative to their folder's parent (src/util/paths.ts), and
// dist/bundle sits at the same depth as dist/<folder>, so those paths hold in the bundle too.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

// The `yaml` library is a file of its own, dist/bundle/yaml.cjs, which every chunk that uses it imports or requires.
// Bundled, it sat in the code that `build` and `validate` load, though they need it only for a
// diagnostic (src/source/yaml-library.ts requires it on first use; js-yaml reads the data): ~260 KB compiled for
// nothing. Its names are listed so that esbuild marks them for Node's CommonJS export detection.
const OWN_FILES = { yaml: 'yaml.cjs' };
for (const [pkg, file] of Object.entries(OWN_FILES)) {
  await build({
    stdin: {
      contents: `export { ${Object.keys(require(pkg)).join(', ')} } from '${pkg}';`,
      resolveDir: '.',
      loader: 'js',
    },
    outfile: `dist/bundle/${file}`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
}
// Only where an import reaches the very package the file was made from (a nested other version stays bundled).
const packageDir = (file) => {
  const at = file.lastIndexOf('/node_modules/') + '/node_modules/'.length;
  const [scope, name] = file.slice(at).split('/');
  return file.slice(0, at) + (scope.startsWith('@') ? `${scope}/${name}` : scope);
};
const ownFiles = {
  name: 'own-files',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, async (args) => {
      if (args.pluginData === 'own-files') return undefined;
      const found = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'own-files',
      });
      if (found.errors.length > 0 || packageDir(found.path) !== packageDir(require.resolve(args.path)))
        return undefined;
      return { path: `./${OWN_FILES[args.path]}`, external: true };
    });
  },
};

// The CLI: one CommonJS file, so that bin/okta-connector.js can compile it with a V8 code cache (src/cli/cli-bundle.ts;
// Node 20 has none for ES modules). esbuild keeps each module's top level in a function run on first import, so a
// command still runs only the modules it imports.
await build({
  entryPoints: ['dist/cli/main.js'],
  outfile: 'dist/bundle/cli.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [ownFiles],
  // Modules find the files beside them from import.meta.url: the bundle's own URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// ASCII only, so that the launcher reads it as Latin-1 into a one-byte string (UTF-8 decoding took ~10 ms). esbuild
// escapes strings and regular expressions; what is left is in comments, where an escape reads as well.
const cli = readFileSync('dist/bundle/cli.cjs', 'utf8');
writeFileSync(
  'dist/bundle/cli.cjs',
  cli.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
);

// The build's worker thread (src/handoff-package/flow-split.ts) loads its own entry, beside the CLI's.
await build({
  entryPoints: { 'flow-split-worker': 'dist/handoff-package/flow-split-worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [ownFiles],
  // CommonJS dependencies (commander, yazl, handlebars) call require; ES modules have none, so give them one.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
});
