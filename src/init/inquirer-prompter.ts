import type { Prompter } from './prompter.js';

/** The interactive prompter. @inquirer/prompts is imported here, on first use, so other commands never load it. */
export async function createInquirerPrompter(): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  return {
    text: (q) =>
      inquirer.input({
        message: q.message,
        default: q.default,
        validate: (value: string) => q.validate?.(value.trim()) ?? true,
      }),
    select: (q) =>
      inquirer.select({
        message: q.message,
        choices: q.choices.map((c) => ({ value: c.value, name: c.name ?? c.value, description: c.description })),
        default: q.default,
      }),
    confirm: (q) => inquirer.confirm({ message: q.message, default: q.default }),
  };
}

/** Ctrl-C / Ctrl-D inside a prompt (inquirer's ExitPromptError). */
export function isPromptCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
