/**
 * `okta-connector … | head -1`: when the reader closes the pipe, the next write fails with EPIPE, which Node
 * raises as an unhandled 'error' event (a stack trace, exit 1). The output is no longer wanted, so stop quietly,
 * as `cat` and `git` do; any other stream error is still reported.
 */
export function quietOnBrokenPipe(
  streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') exit(0);
      else throw error;
    });
  }
}
