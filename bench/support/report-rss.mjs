// Preloaded with `node --import` into a child process: writes the process's peak RSS (KiB) and the CPU time it used
// (user + system, microseconds) to the file named by OC_BENCH_RSS_FILE when it exits, so the real CLI can be
// measured without changing it. CPU time is the figure a busy shared machine disturbs least.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.OC_BENCH_RSS_FILE;
  const usage = process.resourceUsage();
  if (file) writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
});
