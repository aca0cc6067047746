import { describe, expect, it } from 'vitest';
import { CUSTOM_API_ACTION_NAME } from '../../src/connector/contract.js';
import { withSpec } from '../spec/helpers.js';
import { runBuilt } from '../generate/run-action.js';

/** A GitHub-style action: a required option in the path, a dropdown option, a list input, a number input. */
const spec = withSpec((s) => {
  s.actions[0] = {
    name: 'Create Issue',
    description: 'Open an issue.',
    options: [
      { key: 'owner', label: 'Owner', type: 'text', required: true },
      {
        key: 'state',
        label: 'State',
        type: 'dropdown',
        values: [
          { label: 'Open', value: 'open' },
          { label: 'Closed', value: 'closed' },
        ],
      },
    ],
    inputs: [
      { key: 'title', label: 'Title', type: 'text', required: true },
      { key: 'labels', label: 'Labels', type: 'text', list: true },
      { key: 'milestone', label: 'Milestone', type: 'number' },
      { key: 'meta', label: 'Meta', type: 'object' },
    ],
    request: {
      method: 'POST',
      path: '/repos/${options.owner}/issues',
      body: {
        encoding: 'json',
        fields: {
          title: '${inputs.title}',
          state: '${options.state}',
          labels: '${inputs.labels}',
          milestone: '${inputs.milestone}',
          meta: '${inputs.meta}',
        },
      },
    },
  };
});

async function run(values: Record<string, unknown>) {
  return runBuilt(spec, 'Create Issue', { owner: 'octo', title: 'Bug', ...values });
}

describe('the simulator refuses what Okta refuses before a card runs', () => {
  it('runs a valid call', async () => {
    const { result, requests } = await run({ state: 'open', labels: ['bug'], milestone: 3 });
    expect(result.ok).toBe(true);
    expect(requests[0]!.url).toBe('https://api.acme.test/v1/accounts/A1/repos/octo/issues');
  });

  it.each([
    [{ owner: '' }, 'Missing required option "Owner": choose a value for it on the card.'],
    [{ state: 'merged' }, 'Option "State" must be one of "open", "closed"; got text "merged".'],
    [{ labels: 'bug' }, 'Input "Labels" is a list of text; got text "bug". Pass a list, e.g. ["bug"].'],
    [{ labels: ['bug', { x: 1 }] }, 'Item 2 of input "Labels" must be text; got an object {"x":1}.'],
    [{ milestone: 'soon' }, 'Input "Milestone" must be number; got text "soon".'],
    [{ meta: 'text' }, 'Input "Meta" must be object; got text "text".'],
  ])('%j → an error naming the field, and no request', async (values, message) => {
    const { result, requests } = await run(values);
    expect(!result.ok && result.error).toMatchObject({ kind: 'invalid-input', message });
    expect(requests).toEqual([]);
  });

  it('checks the Custom API Action Request Type against its list', async () => {
    const { result } = await runBuilt(spec, CUSTOM_API_ACTION_NAME, {
      requestType: 'FETCH',
      'Relative URL': '/x',
    });
    expect(!result.ok && result.error.message).toBe(
      'Option "Request Type" must be one of "GET", "PATCH", "POST", "PUT", "DELETE"; got text "FETCH".',
    );
  });

  it('accepts numbers as text and leaves required inputs to the flow’s own check (Okta’s message)', async () => {
    expect((await run({ milestone: '7' })).result.ok).toBe(true);
    const { result } = await run({ title: '' });
    expect(!result.ok && result.error).toMatchObject({
      kind: 'return-error',
      statusCode: 400,
      message: 'No Title input provided. Enter a valid Title.',
    });
  });
});
