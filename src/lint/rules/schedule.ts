import { child, isObj } from '../json.js';
import { isCallable, startCard } from '../graph.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-SCHEDULE';

/** Reference §1.3 / §1.11 #12: a scheduled flow starts with a callable ("Scheduled Flow") card and has a cron. */
export const scheduleRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'scheduled flows start with a Scheduled Flow (callable) card and have a non-empty `cron`',
  check(ctx) {
    for (const flow of ctx.flows) {
      const scope = flow.scope;
      if (!scope || scope.data.scheduled !== true) continue;
      const start = startCard(scope);
      if (start && !isCallable(start)) {
        ctx.report({
          message: `the flow is scheduled but starts with "${start.name}" instead of a Scheduled Flow card`,
          pointer: start.pointer,
          where: start.where,
        });
      }
      const cron = scope.data.cron;
      if (!isObj(cron) || Object.keys(cron).length === 0) {
        ctx.report({
          message: 'the flow is scheduled (`scheduled: true`) but `cron` is empty',
          pointer: child(scope.pointer, 'cron'),
          where: scope.where,
          hint: 'set a cron schedule, or `scheduled: false`',
        });
      }
    }
  },
};
