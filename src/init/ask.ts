import type { Choice, Prompter } from './prompter.js';

/** One text answer: the flag that gives it, the question that asks for it, its default and its check. */
export interface Ask {
  flag: string;
  message: string;
  given: string | undefined;
  default?: string;
  check: (value: string) => string | undefined;
}

export type TextFn = (a: Ask) => Promise<string>;
export type ChooseFn = <T extends string>(
  flag: string,
  message: string,
  given: T | undefined,
  choices: ReadonlyArray<Choice<T>>,
  def: T,
) => Promise<T>;

/**
 * The two ways an answer is obtained. A flag wins (checked; problems collected under its name). Otherwise the
 * prompter asks (question id = flag without dashes), or, not prompting, the default serves; no default = missing.
 */
export function makeAskers(
  prompter: Prompter | undefined,
  missing: string[],
  problems: string[],
): { text: TextFn; choose: ChooseFn } {
  const text = async (a: Ask): Promise<string> => {
    if (a.given !== undefined) {
      const value = a.given.trim();
      const problem = a.check(value);
      if (problem) problems.push(`${a.flag}: ${problem}`);
      return value;
    }
    if (prompter) {
      const answer = await prompter.text({
        id: a.flag.slice(2),
        message: a.message,
        default: a.default,
        validate: a.check,
      });
      return answer.trim();
    }
    if (a.default === undefined) missing.push(a.flag);
    return a.default ?? '';
  };
  const choose = async <T extends string>(
    flag: string,
    message: string,
    given: T | undefined,
    choices: ReadonlyArray<Choice<T>>,
    def: T,
  ): Promise<T> => {
    if (given !== undefined || !prompter) return given ?? def;
    return prompter.select({ id: flag.slice(2), message, choices, default: def });
  };
  return { text, choose };
}
