// Preloaded with `node --import` into a child process: writes the process's peak RSS (KiB) to the file named by
// OC_BENCH_RSS_FILE when it exits, so the real CLI can be measured without changing it.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.OC_BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
