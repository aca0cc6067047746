import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

/** Runs `okta-connector <argv>` in-process on a fake Io; the exit code and what it wrote to stdout and stderr. */
export async function runCli(argv: string[], io: Parameters<typeof fakeIo>[0] = {}) {
  const fake = fakeIo(io);
  const code = await run(argv, fake);
  return { code, out: fake.out(), err: fake.err() };
}
