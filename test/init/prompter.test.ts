import { describe, expect, it } from 'vitest';
import { ScriptedPrompter } from '../../src/init/prompter.js';

describe('ScriptedPrompter', () => {
  it('answers by id, in order for repeated ids, and falls back to the default like pressing Enter', async () => {
    const p = new ScriptedPrompter({ a: ['one', 'two'] });
    expect(await p.text({ id: 'a', message: 'A' })).toBe('one');
    expect(await p.text({ id: 'a', message: 'A' })).toBe('two');
    expect(await p.text({ id: 'a', message: 'A', default: 'dflt' })).toBe('dflt');
    expect(p.asked).toEqual(['a', 'a', 'a']);
    expect(p.unused()).toEqual([]);
  });

  it('re-asks after validate() refuses an answer and records why', async () => {
    const p = new ScriptedPrompter({ n: ['bad value', 'good'] });
    const value = await p.text({
      id: 'n',
      message: 'N',
      validate: (v) => (v.includes(' ') ? 'no spaces' : undefined),
    });
    expect(value).toBe('good');
    expect(p.rejected).toEqual([{ id: 'n', value: 'bad value', problem: 'no spaces' }]);
  });

  it('fails loudly when a question has no scripted answer and no default', async () => {
    await expect(new ScriptedPrompter({}).text({ id: 'x', message: 'X' })).rejects.toThrow(
      /no answer for "x"/,
    );
    await expect(
      new ScriptedPrompter({ x: 'bad' }).text({ id: 'x', message: 'X', validate: () => 'never' }),
    ).rejects.toThrow(/no answer for "x"/);
  });

  it('selects only listed choices (default, else the first) and confirms only booleans', async () => {
    const choices = [{ value: 'a' }, { value: 'b' }] as const;
    expect(await new ScriptedPrompter({ s: 'b' }).select({ id: 's', message: 'S', choices })).toBe('b');
    expect(await new ScriptedPrompter({}).select({ id: 's', message: 'S', choices })).toBe('a');
    expect(await new ScriptedPrompter({}).select({ id: 's', message: 'S', choices, default: 'b' })).toBe('b');
    await expect(new ScriptedPrompter({ s: 'c' }).select({ id: 's', message: 'S', choices })).rejects.toThrow(
      /not a choice/,
    );
    expect(await new ScriptedPrompter({ c: true }).confirm({ id: 'c', message: 'C' })).toBe(true);
    expect(await new ScriptedPrompter({}).confirm({ id: 'c', message: 'C', default: true })).toBe(true);
    await expect(new ScriptedPrompter({ c: 'yes' }).confirm({ id: 'c', message: 'C' })).rejects.toThrow(
      /boolean/,
    );
  });
});
