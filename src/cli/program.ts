import { Command, Option } from 'commander';
import type { CommandContext } from './context.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { registerBuild } from './commands/build/index.js';
import { registerDemo } from './commands/demo/index.js';
import { registerDiff } from './commands/diff/index.js';
import { registerHook } from './commands/hook/index.js';
import { registerImport } from './commands/import/index.js';
import { registerInit } from './commands/init/index.js';
import { registerLint } from './commands/lint/index.js';
import { registerMock } from './commands/mock/index.js';
import { registerSimulate } from './commands/simulate/index.js';
import { registerTest } from './commands/test/index.js';
import { registerValidate } from './commands/validate/index.js';
import { toolInfo } from '../util/tool-info.js';

export function toolVersion(): string {
  return toolInfo().version;
}

/** The commands, in the order help lists them; each key is the name its register function gives the command. */
export const COMMANDS = {
  init: registerInit,
  import: registerImport,
  validate: registerValidate,
  diff: registerDiff,
  build: registerBuild,
  lint: registerLint,
  simulate: registerSimulate,
  test: registerTest,
  mock: registerMock,
  hook: registerHook,
  demo: registerDemo,
} as const;

/**
 * The command tree. Each command file declares its own flags and loads its implementation lazily inside the
 * action, so `--version` and `validate` never pay for the simulator, the mock or the zip writer. When the command
 * line starts with a command's name, only that command is declared: the others' flags would cost a cold start
 * time and change nothing for it (its help, errors and suggestions are its own).
 */
export function buildProgram(ctx: CommandContext, argv: readonly string[] = []): Command {
  const { io } = ctx;
  const program = new Command('okta-connector')
    .description('Build, lint, simulate and test Okta Workflows connectors from a declarative spec.')
    .version(toolVersion(), '-v, --version')
    .addOption(new Option('--debug', 'print stack traces of internal errors'))
    .showSuggestionAfterError(true)
    .addHelpText('after', '\n' + EXIT_CODES_HELP)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride();
  const named = argv[0];
  const registers =
    named !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, named)
      ? [COMMANDS[named as keyof typeof COMMANDS]]
      : Object.values(COMMANDS);
  for (const register of registers) {
    const cmd = register(program, ctx);
    cmd
      .addHelpText('after', '\n' + EXIT_CODES_HELP)
      .exitOverride()
      .configureOutput({
        writeOut: (s: string) => io.stdout.write(s),
        writeErr: (s: string) => io.stderr.write(s),
      });
  }
  return program;
}
