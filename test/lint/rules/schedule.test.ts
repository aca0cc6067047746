import { describe, expect, it } from 'vitest';
import { CALLER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-SCHEDULE';
const CRON = { seconds: '00', minutes: '0', hours: '9', dayOfTheMonth: '1', month: '*/1', dayOfTheWeek: '*' };

describe(CODE, () => {
  it('accepts a scheduled flow with a cron and a Scheduled Flow card', () => {
    const fp = validFlopack();
    Object.assign(fp.data.flos[CALLER_ID].data, { scheduled: true, cron: CRON });
    expect(lintCode(fp, CODE)).toEqual([]);
  });

  it('reports a scheduled flow with an empty cron', () => {
    const fp = validFlopack();
    fp.data.flos[CALLER_ID].data.scheduled = true;
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'error',
      where: 'flow "Caller"',
      pointer: `${floPointer(CALLER_ID)}/cron`,
    });
  });
});
