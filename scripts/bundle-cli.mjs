// Build step: bundles the CLI (dist/cli/main.js and everything it imports, dependencies included) into
// dist/bundle/, one chunk per lazily imported command. Node then resolves and loads a handful of files instead
// of a few hundred, which is most of a cold start. The library (dist/index.js) stays unbundled.
// Modules that read files beside themselves do so relative to their folder's parent (src/util/paths.ts), and
// dist/bundle sits at the same depth as dist/<folder>, so those paths hold in the bundle too.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

// The `yaml` library is a file of its own, dist/bundle/yaml.cjs, which every chunk that uses it imports or requires.
// Bundled into the chunks, it sat in a chunk that `build` and `validate` load whole, though they need it only for a
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
  plugins: [ownFiles],
  // CommonJS dependencies (commander, yazl, handlebars) call require; ES modules have none, so give them one.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
});
