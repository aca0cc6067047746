import { basename, isAbsolute, relative, resolve } from 'node:path';
import { UsageError, UserError } from '../errors.js';
import type { ConnectorSpec } from '../spec/types.js';
import { parseParamFlag, type InitAnswers, type ParamAnswer } from './answers.js';
import { collectAnswers, type InitFlags } from './collect.js';
import { InvalidAnswersError } from './errors.js';
import { isPromptCancelled } from './inquirer-prompter.js';
import { printable } from './names.js';
import type { Prompter } from './prompter.js';
import { renderScaffold, TEST_BASE_URL_VARIABLE, toolCommand } from './render.js';
import { buildSpec } from './spec.js';
import { writeScaffold } from './write.js';

export interface InitOptions extends Omit<InitFlags, 'params'> {
  /** The target folder; default ./<name>. Any path the user chooses. */
  dir?: string;
  /** Raw `--param key:label[:type[:required]]` values. */
  param?: string[];
  /** Use flags and defaults; never prompt. */
  yes?: boolean;
  /** Overwrite existing scaffold files. */
  force?: boolean;
}

export interface InitEnvironment {
  cwd: string;
  /** Whether prompts may be shown (a TTY and no CI); --yes turns them off as well. */
  interactive: boolean;
  /** Called only when a prompt is needed (tests pass a ScriptedPrompter; the CLI loads @inquirer/prompts). */
  prompter: () => Promise<Prompter>;
  /** Pinned in the scaffold's package.json. */
  toolVersion: string;
}

export interface InitResult {
  /** Absolute target folder. */
  dir: string;
  /** The folder as the user should see it (relative to cwd when inside it). */
  shownDir: string;
  written: string[];
  kept: string[];
  notes: string[];
  answers: InitAnswers;
  spec: ConnectorSpec;
  /** Shell commands to run next. */
  nextSteps: string[];
}

/** `okta-connector init`: collect answers, build everything in memory, check, then write. */
export async function runInit(options: InitOptions, env: InitEnvironment): Promise<InitResult> {
  if (options.dir !== undefined) checkDirArgument(options.dir);
  const params = parseParams(options.param ?? []);
  const interactive = env.interactive && !options.yes;
  const flags: InitFlags = { ...options, ...(params && { params }) };
  const dirName = options.dir !== undefined ? basename(resolve(env.cwd, options.dir)) : undefined;
  let answers: InitAnswers;
  try {
    answers = await collectAnswers(flags, {
      prompter: interactive ? await env.prompter() : undefined,
      dirName,
    });
  } catch (error) {
    if (isPromptCancelled(error)) throw new UserError('init cancelled; nothing was written');
    throw error;
  }
  const { spec, notes } = buildSpec(answers);
  const dir = resolve(env.cwd, options.dir ?? answers.name);
  const files = await renderScaffold(answers, spec, { toolVersion: env.toolVersion });
  const shownDir = showDir(env.cwd, dir);
  const { written, kept } = await writeScaffold(dir, files, { force: options.force === true, shownDir });
  const next = nextSteps(shownDir, env.toolVersion);
  return { dir, shownDir, written, kept, notes, answers, spec, nextSteps: next };
}

/** The [dir] argument may be any path, but not one no file system accepts or that hides characters. */
export function checkDirArgument(dir: string): void {
  if (dir.trim() === '') throw new UsageError('the folder argument is empty');
  // NUL is rejected by every OS, newlines would garble every message.
  if (/[\u0000-\u001f]/.test(dir))
    throw new UsageError(`the folder "${printable(dir)}" contains control characters`);
}

function parseParams(values: readonly string[]): ParamAnswer[] | undefined {
  if (values.length === 0) return undefined;
  const problems: string[] = [];
  const params: ParamAnswer[] = [];
  for (const value of values) {
    const { param, problem } = parseParamFlag(value);
    if (problem) problems.push(`--param ${problem}`);
    if (param) params.push(param);
  }
  if (problems.length > 0) throw new InvalidAnswersError(problems);
  return params;
}

/** The folder as the user should see it (relative to cwd when inside it). */
export function showDir(cwd: string, dir: string): string {
  const rel = relative(cwd, dir);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? dir : rel;
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Shell commands to run next in a new scaffold. */
export function nextSteps(shownDir: string, toolVersion: string): string[] {
  const tool = toolCommand(toolVersion);
  return [
    ...(shownDir === '.' ? [] : [`cd ${shellQuote(shownDir)}`]),
    'npm install',
    `${tool} validate connector.yaml`,
    `${tool} build connector.yaml`,
    `${tool} test --base-url <URL of a test server>   # in CI: set the ${TEST_BASE_URL_VARIABLE} variable`,
  ];
}
