import { toolInfo } from '../util/tool-info.js';
import { quietOnBrokenPipe } from './broken-pipe.js';

/** What `bin/okta-connector.js` runs: the command in `argv`, from the CLI bundle. */
export async function launch(argv: readonly string[]): Promise<void> {
  quietOnBrokenPipe();
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    // The most common probe of a CLI answers without loading the command tree.
    process.stdout.write(toolInfo().version + '\n');
    return;
  }
  const { loadCliBundle } = await import('./cli-bundle.js');
  process.exitCode = await loadCliBundle().exports.main(argv);
}
