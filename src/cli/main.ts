import { setFlagsFromString } from 'node:v8';
import { toolInfo } from '../util/tool-info.js';

// Builds of large connectors allocate hundreds of MB of short-lived objects; a larger young generation turns most
// of the scavenges that dominated their profile into none (measured: see README "Performance").
setFlagsFromString('--max-semi-space-size=64');

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // The most common probe of a CLI answers without loading the command tree.
  process.stdout.write(toolInfo().version + '\n');
} else {
  const [{ processIo }, { run }] = await Promise.all([import('./io.js'), import('./run.js')]);
  process.exitCode = await run(argv, await processIo());
}
