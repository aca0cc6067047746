import type { Prompter } from './prompter.js';

/** Where prompts read and write; default the process's stdin and stdout. */
export interface PromptStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** The interactive prompter. @inquirer/prompts is imported here, on first use, so other commands never load it. */
export async function createInquirerPrompter(streams: PromptStreams = {}): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  const context = { ...streams, clearPromptOnDone: false };
  return {
    text: (q) =>
      inquirer.input(
        {
          message: q.message,
          default: q.default,
          validate: (value: string) => q.validate?.(value.trim()) ?? true,
        },
        context,
      ),
    select: (q) =>
      inquirer.select(
        {
          message: q.message,
          choices: q.choices.map((c) => ({
            value: c.value,
            name: c.name ?? c.value,
            description: c.description,
          })),
          default: q.default,
        },
        context,
      ),
    confirm: (q) => inquirer.confirm({ message: q.message, default: q.default }, context),
  };
}

/** Ctrl-C / Ctrl-D inside a prompt (inquirer's ExitPromptError). */
export function isPromptCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
