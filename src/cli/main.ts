import { toolInfo } from '../util/tool-info.js';
import { quietOnBrokenPipe } from './broken-pipe.js';

quietOnBrokenPipe();

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // The most common probe of a CLI answers without loading the command tree.
  process.stdout.write(toolInfo().version + '\n');
} else {
  const [{ processIo }, { run }] = await Promise.all([import('./io.js'), import('./run.js')]);
  process.exitCode = await run(argv, await processIo());
}
