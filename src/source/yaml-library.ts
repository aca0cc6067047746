import { createRequire } from 'node:module';

type YamlLibrary = typeof import('yaml');
let loaded: YamlLibrary | undefined;

/**
 * The `yaml` library, loaded on first use: a plain spec or scenario does not need it (fast-yaml.ts gives the data,
 * and only diagnostics ask for positions), so neither a clean `validate` nor `build` pays for setting it up. A
 * plain `require`, which the CLI bundler (scripts/bundle-cli.mjs) turns into a bundled module evaluated on the first
 * call; unbundled ES modules have no `require`, and there createRequire loads the same file (the package has one
 * CommonJS build for Node, which `import` and `require` share).
 */
export function yamlLibrary(): YamlLibrary {
  return (loaded ??= (
    typeof require === 'function' ? require('yaml') : createRequire(import.meta.url)('yaml')
  ) as YamlLibrary);
}
