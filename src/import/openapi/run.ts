import { lstat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { UsageError, UserError } from '../../errors.js';
import { isPromptCancelled } from '../../init/inquirer-prompter.js';
import { writeScaffold } from '../../init/write.js';
import { loadOpenApiDescription } from '../../openapi/load.js';
import { listOperations } from '../../openapi/operations.js';
import { importOpenApi, type ImportOptions, type ImportResult } from './import.js';
import { operationChoices, type OperationPicker } from './pick.js';
import { hasSelection, SELECTION_FLAGS } from './select.js';

export interface ImportCommandOptions extends ImportOptions {
  /** Where to write the spec (default connector.yaml). */
  out?: string;
  force?: boolean;
}

export interface ImportEnvironment {
  cwd: string;
  /** Whether a prompt may be shown (a TTY and no CI). */
  interactive: boolean;
  /** Called only when the picker is needed. */
  picker: () => Promise<OperationPicker>;
}

export interface ImportRun {
  result: ImportResult;
  /** The written file as the user should see it. */
  written: string;
}

export const DEFAULT_OUT = 'connector.yaml';

/**
 * `import openapi`: read the description (located errors for a bad one), choose operations (flags, or the picker
 * on a terminal; never a prompt without one), import, then write the spec in one step (never half a file, never
 * over an existing one without --force).
 */
export async function runImportOpenApi(
  descriptionFile: string,
  options: ImportCommandOptions,
  env: ImportEnvironment,
): Promise<ImportRun> {
  const outPath = resolve(env.cwd, options.out ?? DEFAULT_OUT);
  const shown = showPath(env.cwd, outPath);
  if (!options.force && (await exists(outPath)))
    throw new UserError(
      `refusing to overwrite ${shown}; nothing was written. Use --force, or choose another --out`,
    );
  const description = resolve(env.cwd, descriptionFile);
  const result = await importFromFile(
    description,
    descriptionFile,
    { ...options, mockOf: { description, specDir: dirname(outPath) } },
    env,
  );
  const { written } = await writeScaffold(
    dirname(outPath),
    [{ path: basename(outPath), content: result.text, ifExists: 'refuse' }],
    {
      force: options.force === true,
      shownDir: showPath(env.cwd, dirname(outPath)),
    },
  );
  if (written.length !== 1) throw new Error(`import: ${shown} was not written`);
  return { result, written: shown };
}

/** Loads, selects (asking when allowed) and imports; writes nothing. Shared with `init --from-openapi`. */
export async function importFromFile(
  path: string,
  shownFile: string,
  options: ImportOptions,
  env: Pick<ImportEnvironment, 'interactive' | 'picker'>,
): Promise<ImportResult> {
  if (!hasSelection(options) && !env.interactive)
    throw new UsageError(`missing ${SELECTION_FLAGS}: required when not prompting (no TTY, or CI set)`);
  const description = await loadOpenApiDescription(path, { displayName: shownFile });
  let selection: ImportOptions = options;
  if (!hasSelection(options)) {
    const picker = await env.picker();
    let operations: string[];
    try {
      operations = await picker.pick(operationChoices(listOperations(description.document)));
    } catch (error) {
      if (isPromptCancelled(error)) throw new UserError('import cancelled; nothing was written');
      throw error;
    }
    if (operations.length === 0) throw new UserError('no operation chosen; nothing was written');
    selection = { ...options, operations };
  }
  return importOpenApi(description, selection);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function showPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
