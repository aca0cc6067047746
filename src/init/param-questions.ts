import { labelProblem, paramKeyProblem, type ParamAnswer } from './answers.js';
import { humanize } from './names.js';
import type { Prompter } from './prompter.js';

/** Asks for connection parameters one by one until the user says no more (only when no --param was given). */
export async function askParams(prompter: Prompter): Promise<ParamAnswer[]> {
  const params: ParamAnswer[] = [];
  while (
    await prompter.confirm({
      id: 'param.add',
      message:
        params.length === 0
          ? 'Add a connection parameter (e.g. a subdomain)?'
          : 'Add another connection parameter?',
      default: false,
    })
  ) {
    const key = (
      await prompter.text({
        id: 'param.key',
        message: 'Key (e.g. subdomain)',
        validate: (v) =>
          paramKeyProblem(v) ??
          (params.some((p) => p.key === v) ? `"${v}" is already a parameter` : undefined),
      })
    ).trim();
    const label = (
      await prompter.text({
        id: 'param.label',
        message: 'Label',
        default: humanize(key),
        validate: (v) => labelProblem(v),
      })
    ).trim();
    const type = await prompter.select<ParamAnswer['type']>({
      id: 'param.type',
      message: 'Type',
      choices: [{ value: 'text' }, { value: 'password', name: 'password (hidden)' }],
      default: 'text',
    });
    const required = await prompter.confirm({ id: 'param.required', message: 'Required?', default: true });
    params.push({ key, label, type, required });
  }
  return params;
}
