import { cardPointer, childPointer, isObject, singleRoot } from '../../flopack/read/index.js';
import { isCallable } from '../connector.js';
import { cardWhere, scopeWhere } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.3 / §1.11 #12: a scheduled flow starts with a callable ("Scheduled Flow") card and has a cron. */
export const scheduleRule = lintRule('OC-FLOPACK-SCHEDULE', 'error', {
  description: 'scheduled flows start with a Scheduled Flow (callable) card and have a non-empty `cron`',
  flow({ flow }, ctx) {
    const scope = flow?.scope;
    if (!scope || scope.data.scheduled !== true) return;
    const start = singleRoot(scope);
    if (start && !isCallable(start)) {
      ctx.report({
        message: `the flow is scheduled but starts with "${start.name}" instead of a Scheduled Flow card`,
        pointer: cardPointer(start),
        where: cardWhere(start),
      });
    }
    const cron = scope.data.cron;
    if (!isObject(cron) || Object.keys(cron).length === 0) {
      ctx.report({
        message: 'the flow is scheduled (`scheduled: true`) but `cron` is empty',
        pointer: childPointer(scope.pointer, 'cron'),
        where: scopeWhere(scope),
        hint: 'set a cron schedule, or `scheduled: false`',
      });
    }
  },
});
