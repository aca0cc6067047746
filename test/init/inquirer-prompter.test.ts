import { describe, expect, it } from 'vitest';
import { terminal, tick } from '../helpers/terminal.js';
import { createInquirerPrompter, isPromptCancelled } from '../../src/init/inquirer-prompter.js';

describe('the @inquirer/prompts prompter', () => {
  it('returns typed text, and re-asks when validate() reports a problem', async () => {
    const t = terminal();
    const prompter = await createInquirerPrompter({ input: t.input, output: t.output });
    const answer = prompter.text({
      id: 'action',
      message: 'First action',
      validate: (v) => (v.includes('-') ? 'letters, numbers and spaces only' : undefined),
    });
    await tick();
    t.type('Send-Message\r');
    await tick();
    expect(t.shown()).toContain('letters, numbers and spaces only');
    for (let i = 0; i < 'Send-Message'.length; i++) t.type('\u007f');
    t.type('Send Message\r');
    expect(await answer).toBe('Send Message');
  });

  it('uses the default on Enter, and selects and confirms', async () => {
    const t = terminal();
    const prompter = await createInquirerPrompter({ input: t.input, output: t.output });
    const text = prompter.text({ id: 'x', message: 'X', default: 'dflt' });
    await tick();
    t.type('\r');
    expect(await text).toBe('dflt');
    const choice = prompter.select({ id: 's', message: 'S', choices: [{ value: 'a' }, { value: 'b' }] });
    await tick();
    t.type('\u001b[B\r'); // arrow down, Enter
    expect(await choice).toBe('b');
    const yes = prompter.confirm({ id: 'c', message: 'C', default: false });
    await tick();
    t.type('y\r');
    expect(await yes).toBe(true);
  });

  it('recognises a cancelled prompt', () => {
    expect(isPromptCancelled(Object.assign(new Error('closed'), { name: 'ExitPromptError' }))).toBe(true);
    expect(isPromptCancelled(new Error('other'))).toBe(false);
  });
});
