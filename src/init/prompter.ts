/**
 * The prompt layer `init` talks to. The CLI uses the @inquirer/prompts implementation (loaded lazily, only when a
 * question is actually asked); tests use ScriptedPrompter. Question ids are stable so answers can be scripted.
 */
export interface TextQuestion {
  id: string;
  message: string;
  default?: string;
  /** A problem with the (trimmed) answer, shown before asking again; undefined when the answer is fine. */
  validate?: (value: string) => string | undefined;
}

export interface Choice<T extends string> {
  value: T;
  name?: string;
  description?: string;
}

export interface SelectQuestion<T extends string> {
  id: string;
  message: string;
  choices: ReadonlyArray<Choice<T>>;
  default?: T;
}

export interface ConfirmQuestion {
  id: string;
  message: string;
  default?: boolean;
}

export interface Prompter {
  text(question: TextQuestion): Promise<string>;
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
}

export type ScriptedAnswer = string | boolean;

/**
 * Answers questions from a script keyed by question id. A list answers the same id several times in order (a
 * repeated question, or a re-ask after a rejected answer). No scripted answer = pressing Enter: the default (for a
 * select without one, the first choice, as inquirer does); a text question without a default then fails the test.
 */
export class ScriptedPrompter implements Prompter {
  /** Ids of the questions asked, in order (once per answer given). */
  readonly asked: string[] = [];
  /** Answers the question's validate() refused, with the problem it reported. */
  readonly rejected: Array<{ id: string; value: string; problem: string }> = [];
  private readonly queues = new Map<string, ScriptedAnswer[]>();

  constructor(answers: Record<string, ScriptedAnswer | ScriptedAnswer[]>) {
    for (const [id, value] of Object.entries(answers))
      this.queues.set(id, Array.isArray(value) ? [...value] : [value]);
  }

  /** Scripted answers that no question consumed (a test can assert this is empty). */
  unused(): string[] {
    return [...this.queues.entries()].filter(([, q]) => q.length > 0).map(([id]) => id);
  }

  private next(id: string): ScriptedAnswer | undefined {
    this.asked.push(id);
    return this.queues.get(id)?.shift();
  }

  async text(q: TextQuestion): Promise<string> {
    for (;;) {
      const scripted = this.next(q.id);
      const value = scripted === undefined ? q.default : String(scripted);
      if (value === undefined) throw new Error(`ScriptedPrompter: no answer for "${q.id}" and no default`);
      const problem = q.validate?.(value.trim());
      if (!problem) return value;
      this.rejected.push({ id: q.id, value, problem });
      if (scripted === undefined)
        throw new Error(`ScriptedPrompter: default for "${q.id}" rejected: ${problem}`);
    }
  }

  async select<T extends string>(q: SelectQuestion<T>): Promise<T> {
    const scripted = this.next(q.id);
    const value = scripted === undefined ? (q.default ?? q.choices[0]?.value) : String(scripted);
    const choice = q.choices.find((c) => c.value === value);
    if (!choice) throw new Error(`ScriptedPrompter: "${String(value)}" is not a choice for "${q.id}"`);
    return choice.value;
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    const scripted = this.next(q.id);
    if (scripted === undefined) return q.default ?? false;
    if (typeof scripted !== 'boolean') throw new Error(`ScriptedPrompter: "${q.id}" needs a boolean answer`);
    return scripted;
  }
}
