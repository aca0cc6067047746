import { describe, expect, it } from 'vitest';
import { terminal, tick } from '../../helpers/terminal.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { loadOpenApiDescription } from '../../../src/openapi/load.js';
import { createInquirerPicker, matchChoices, operationChoices } from '../../../src/import/openapi/pick.js';
import { TWILIO } from './helpers.js';

describe('the operation picker', async () => {
  const choices = operationChoices(listOperations((await loadOpenApiDescription(TWILIO)).document));

  it('matches every word against operationId, method and path, summary and tags', () => {
    expect(matchChoices(choices, 'post /messages.json').map((c) => c.value)).toEqual(['CreateMessage']);
    expect(matchChoices(choices, 'DELETE message').map((c) => c.value)).toContain('DeleteMessage');
    expect(matchChoices(choices, 'Api20100401Message')).toHaveLength(5);
    expect(matchChoices(choices, '')).toHaveLength(choices.length);
  });

  it('searches, then ticks among the matches (search, then checkbox)', async () => {
    const t = terminal();
    const picker = await createInquirerPicker({ input: t.input, output: t.output });
    const picked = picker.pick(choices);
    await tick();
    t.type('post /messages.json');
    await tick();
    expect(t.shown()).toContain('1 operation match');
    t.type('\r');
    await tick();
    t.type(' \r'); // tick the only match, confirm
    await tick();
    t.type('n\r'); // no more searching
    expect(await picked).toEqual(['CreateMessage']);
  });
});
