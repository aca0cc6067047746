import type { OpenApiOperation } from '../../openapi/operations.js';
import type { PromptStreams } from '../../init/inquirer-prompter.js';
import { operationHandle, operationLabel } from './select.js';

/** One line of the picker: what is shown, and what it searches. */
export interface OperationChoice {
  /** operationId, else `METHOD /path`: what `--operation` takes. */
  value: string;
  name: string;
  /** Lower-cased operationId, method and path, summary and tags. */
  haystack: string;
}

/** Asks which operations to import. The CLI uses the @inquirer/prompts one; tests script their own. */
export interface OperationPicker {
  pick(choices: readonly OperationChoice[]): Promise<string[]>;
}

export function operationChoices(ops: readonly OpenApiOperation[]): OperationChoice[] {
  return ops.map((op) => {
    const label = operationLabel(op);
    const name = [op.operationId, label, op.summary].filter(Boolean).join('  ·  ');
    return {
      value: operationHandle(op),
      name: name.length > 110 ? `${name.slice(0, 109)}…` : name,
      haystack: [op.operationId, label, op.summary, ...op.tags].filter(Boolean).join(' ').toLowerCase(),
    };
  });
}

/** Every word of the search term must appear somewhere (operationId, method and path, summary, tags). */
export function matchChoices(
  choices: readonly OperationChoice[],
  term: string | undefined,
): OperationChoice[] {
  const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return choices.filter((c) => words.every((w) => c.haystack.includes(w)));
}

/**
 * @inquirer/prompts (7.x) has no searchable multi-select, so this is search, then checkbox: type a term (the count
 * and the first matches update as you type), tick operations among the matches, and search again or finish.
 * Choices ticked earlier stay ticked. Loaded only when a prompt is shown.
 */
export async function createInquirerPicker(streams: PromptStreams = {}): Promise<OperationPicker> {
  const { search, checkbox, confirm } = await import('@inquirer/prompts');
  const context = { ...streams, clearPromptOnDone: false };
  return {
    async pick(choices) {
      const chosen = new Set<string>();
      for (;;) {
        const term = await search<string>(
          {
            message: `Search operations to import (${chosen.size} chosen; words match the operationId, path, summary or tag)`,
            source: (input) => {
              const matches = matchChoices(choices, input);
              return [
                {
                  value: input ?? '',
                  name: `${matches.length} operation${matches.length === 1 ? '' : 's'} match${input ? ` "${input}"` : ''}: Enter to choose among them`,
                  description: matches
                    .slice(0, 8)
                    .map((c) => c.name)
                    .join('\n'),
                },
              ];
            },
          },
          context,
        );
        const matches = matchChoices(choices, term);
        if (matches.length > 0) {
          const ticked = await checkbox<string>(
            {
              message: 'Tick the operations to import (space toggles, a toggles all, Enter confirms)',
              choices: matches.map((c) => ({ value: c.value, name: c.name, checked: chosen.has(c.value) })),
              pageSize: 15,
            },
            context,
          );
          for (const c of matches) chosen.delete(c.value);
          for (const value of ticked) chosen.add(value);
        }
        const more = await confirm(
          { message: `${chosen.size} chosen. Search for more?`, default: chosen.size === 0 },
          context,
        );
        if (!more) break;
      }
      // The description's order, whatever order they were ticked in.
      return choices.filter((c) => chosen.has(c.value)).map((c) => c.value);
    },
  };
}
