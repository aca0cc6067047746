import { beforeAll, describe, expect, it } from 'vitest';
import { generateConnector, type GeneratedConnector } from '../../src/generate/index.js';
import { serializeFlopack } from '../../src/flopack/serialize.js';
import type { Card, Flo, IoField } from '../../src/flopack/types.js';
import type { ConnectorSpec } from '../../src/spec/types.js';
import { checkFlopack, returnCardOf, startInputs } from '../helpers/check-flopack.js';
import { loadTwilioSpec } from './twilio-spec.js';

let spec: ConnectorSpec;
let built: GeneratedConnector;
beforeAll(async () => {
  spec = await loadTwilioSpec();
  built = generateConnector(spec);
});

const flo = (name: string): Flo => {
  const f = Object.values(built.flopack.data.flos).find((x) => x.name === name);
  if (!f) throw new Error(`no flow ${name}`);
  return f;
};
const cards = (f: Flo, key: string): Card[] => f.data.methods.filter((c) => c.node.key === key);
const inputs = (c: Card): IoField[] => Object.values(c.node.model.inputs.data);
const input = (c: Card, key: string): IoField => {
  const i = inputs(c).find((x) => x.key === key);
  if (!i) throw new Error(`no input ${key} on ${c.node.data.name}`);
  return i;
};
/** uuid of the card an input is pinned from. */
const source = (f: Flo, target: Card, inputId: string): Card | undefined =>
  f.data.methods.find((c) =>
    Object.values(c.pins).some((t) => t[target.uuid]?.some((p) => p.input === inputId)),
  );

describe('generateConnector (Twilio)', () => {
  it('emits a v1.5.0 flopack without checksum, one folder, no configs or tables', () => {
    const { flopack } = built;
    expect(flopack.version).toBe('1.5.0');
    expect(flopack).not.toHaveProperty('checksum');
    expect(flopack.data.configs).toEqual({});
    expect(flopack.data.tables).toEqual({});
    const groups = Object.values(flopack.data.groups);
    expect(groups.map((g) => g.data.name)).toEqual(['Twilio']);
    for (const f of Object.values(flopack.data.flos)) expect(f.data.group).toBe(groups[0]!.id);
  });

  it('lists httpHelper, _authping, every action (after its dropdown and page helpers) and the Custom API Action', () => {
    expect(built.flows.map((f) => [f.kind, f.name])).toEqual([
      ['helper', 'httpHelper'],
      ['authping', '_authping'],
      ...spec.actions.flatMap((a) => [
        ...(a.options ?? [])
          .filter((o) => o.dynamic)
          .flatMap((o) => [
            ['values', `${a.name} ${o.label} Value`],
            ['values', `${a.name} ${o.label} Values`],
          ]),
        ...(a.pagination ? [['page', `${a.name} Page`]] : []),
        ['action', a.name],
      ]),
      ...(spec.events ?? []).flatMap((e) =>
        e.type === 'webhook'
          ? [
              ['registration', `${e.name} Registration`],
              ['deregistration', `${e.name} Deregistration`],
              ['webhook', e.name],
            ]
          : [['event', e.name]],
      ),
      ['capia', 'Custom API Action'],
    ]);
    for (const f of built.flows) expect(built.flopack.data.flos[f.floId]?.name).toBe(f.name);
  });

  it('passes every structural rule of the flopack reference', () => {
    expect(checkFlopack(built.flopack)).toEqual([]);
  });

  it('calls httpHelper with exactly its inputs and reads exactly its Return fields', () => {
    const helper = flo('httpHelper');
    const helperIn = startInputs(helper);
    const helperOut = inputs(returnCardOf(helper)).map((i) => i.key);
    expect(helperIn).toEqual([
      'auth',
      'relative_url',
      'request_method',
      'query',
      'headers',
      'body',
      'raw_body',
    ]);
    expect(helperOut).toEqual(['status_code', 'headers', 'body', 'error_message']);
    const calls: Card[] = [];
    const collect = (methods: Card[]) => {
      for (const c of methods) {
        if (c.node.key === 'spawn') calls.push(c);
        for (const i of inputs(c))
          if (i.value.type === 'flo' && typeof i.value.data === 'object')
            collect((i.value.data as { methods: Card[] }).methods);
      }
    };
    for (const f of Object.values(built.flopack.data.flos)) collect(f.data.methods);
    // Every action (a paginated one through its page helper), _authping, the CAPIA, each dynamic dropdown's list,
    // each webhook event's registration and deregistration flows (its event flow calls nothing).
    const dynamicDropdowns = spec.actions.flatMap((a) => (a.options ?? []).filter((o) => o.dynamic)).length;
    const webhookCalls = 2 * (spec.events ?? []).filter((e) => e.type === 'webhook').length;
    expect(calls.length).toBe(spec.actions.length + 2 + dynamicDropdowns + webhookCalls);
    for (const call of calls) {
      expect(input(call, 'flo').value.data).toBe(helper.id);
      expect(
        inputs(call)
          .slice(1)
          .map((i) => i.key),
      ).toEqual(helperIn);
      expect(Object.values(call.node.model.outputs.data).map((o) => o.key)).toEqual(helperOut);
    }
  });

  it('builds Basic auth with Concatenate and Base64 from the connection, as seed 001 describes', () => {
    const helper = flo('httpHelper');
    const [pair, basic] = cards(helper, 'concat');
    const b64 = cards(helper, 'base64')[0]!;
    expect(inputs(pair!).map((i) => i.value.data)).toEqual(['', ':', '']);
    expect(source(helper, pair!, input(pair!, 'string1').id)?.node.key).toBe('expand');
    expect(source(helper, b64, input(b64, 'string').id)?.uuid).toBe(pair!.uuid);
    expect(input(basic!, 'string1').value.data).toBe('Basic ');
    expect(source(helper, basic!, input(basic!, 'string2').id)?.uuid).toBe(b64.uuid);
    const expand = helper.data.methods.find(
      (c) => c.node.key === 'expand' && c.node.data.name === helper.data.methods[0]!.uuid,
    )!;
    const paths = Object.values(expand.node.model.outputs.data)
      .filter((o) => o.key === 'key')
      .map((o) => o.value.data);
    expect(paths).toEqual([['username'], ['password'], ['accountSid']]);
    const url = cards(helper, 'compose')[0]!;
    expect(input(url, '_text_').value.data).toMatch(
      /^https:\/\/api\.twilio\.com\/2010-04-01\/Accounts\/\{\{\{[\w-]+\}\}\}\{\{\{[\w-]+\}\}\}$/,
    );
    const raw = cards(helper, 'raw')[0]!;
    expect(raw.address).toBe('root:channels:http:httpfunctions:1.0.11:raw');
    expect(inputs(raw).map((i) => `${i.group}/${i.key}`)).toEqual([
      'Request/URL',
      'Request/Method',
      'Request/Query',
      'Request/Headers',
      'Request/Body',
    ]);
    expect(Object.values(raw.node.model.outputs.data).map((o) => `${o.group}/${o.key}`)).toEqual([
      'Response/Status Code',
      'Response/Headers',
      'Response/Body',
    ]);
  });

  it('sends Send Message as an URL-encoded form, required inputs checked, optional ones dropped when empty', () => {
    const f = flo('Send Message');
    const checks = cards(f, 'throwIf');
    const required = checks.filter((c) => input(c, 'operator').value.data === 'is empty');
    expect(required.map((c) => [input(c, 'message').value.data, input(c, 'statusCode').value.data])).toEqual([
      ['No To input provided. Enter a valid To.', 400],
      ['No Body input provided. Enter a valid Body.', 400],
    ]);
    const body = cards(f, 'compose').find((c) => c.node.data.name === 'Compose form body')!;
    const text = String(input(body, '_text_').value.data);
    expect(text).toMatch(
      /^To=\{\{\{[\w-]+\}\}\}&From=\{\{\{[\w-]+\}\}\}&Body=\{\{\{[\w-]+\}\}\}\{\{\{[\w-]+\}\}\}$/,
    );
    expect(cards(f, 'encodeComponent').map((c) => c.node.data.name)).toEqual([
      'Encode to',
      'Encode from',
      'Encode body',
      'Encode statusCallback',
    ]);
    const optional = cards(f, 'assignIf')[0]!;
    expect(input(optional, 'operator').value.data).toBe('is empty');
    expect(input(optional, 'valueIfTrue').value.data).toBe('');
    const call = cards(f, 'spawn')[0]!;
    expect(input(call, 'headers').value.data).toEqual({
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(input(call, 'request_method').value.data).toBe('POST');
    expect(source(f, call, input(call, 'raw_body').id)?.uuid).toBe(body.uuid);
    const errors = checks.filter((c) => input(c, 'operator').value.data === '>=');
    expect(errors.map((c) => input(c, 'right-operand').value.data)).toEqual([400]);
    expect(inputs(returnCardOf(f)).map((i) => [i.key, i.metadata.displayname])).toEqual(
      spec.actions[0]!.outputs!.map((o) => [o.key, o.label]),
    );
  });

  it('prefixes WhatsApp numbers inside the encoded form value', () => {
    const body = cards(flo('Send WhatsApp'), 'compose').find(
      (c) => c.node.data.name === 'Compose form body',
    )!;
    expect(String(input(body, '_text_').value.data)).toMatch(
      /^To=whatsapp%3A\{\{\{[\w-]+\}\}\}&From=whatsapp%3A\{\{\{[\w-]+\}\}\}&Body=/,
    );
  });

  it('drops empty optional query parameters of List Messages with Clear Empty', () => {
    const f = flo('List Messages');
    const construct = cards(f, 'construct')[0]!;
    expect(inputs(construct).map((i) => i.key)).toEqual(['To', 'From', 'DateSent', 'PageSize']);
    const clear = cards(f, 'clearEmpty')[0]!;
    const call = cards(f, 'spawn')[0]!;
    expect(source(f, call, input(call, 'query').id)?.uuid).toBe(clear.uuid);
    expect(cards(f, 'throwIf').filter((c) => input(c, 'operator').value.data === 'is empty')).toEqual([]);
  });

  it('builds the Custom API Action as the Connector Builder docs describe', () => {
    const f = flo('Custom API Action');
    const start = f.data.methods[0]!;
    const option = input(start, 'requestType');
    expect(option.group).toBe('parameters');
    expect(option.flags).toBe('p');
    expect(option.metadata.displayname).toBe('Request Type');
    expect((option.metadata.choices as Array<{ value: string }>).map((c) => c.value)).toEqual([
      'GET',
      'PATCH',
      'POST',
      'PUT',
      'DELETE',
    ]);
    expect(startInputs(f)).toEqual(['auth', 'requestType', 'Relative URL', 'Query', 'Headers', 'Body']);
    expect(inputs(returnCardOf(f)).map((i) => i.key)).toEqual(['Status Code', 'Headers', 'Body']);
    const find = cards(f, 'find')[0]!;
    expect(input(find, 'substr').value.data).toBe('/');
    const slashCheck = cards(f, 'throwIf')[1]!;
    expect(input(slashCheck, 'operator').value.data).toBe('!=');
    expect(input(slashCheck, 'right-operand').value.data).toBe(0);
  });

  it('wraps the _authping call in If Error and ends with Return Status {working, serviceResponse}', () => {
    const f = flo('_authping');
    const tc = cards(f, 'tryCatch')[0]!;
    const tryFlo = input(tc, 'flo').value.data as { methods: Card[] };
    const call = tryFlo.methods.find((c) => c.node.key === 'spawn')!;
    expect(input(call, 'relative_url').value.data).toBe('/Messages.json');
    expect(input(call, 'query').value.data).toEqual({ PageSize: '1' });
    expect(Object.values(tc.node.model.outputs.data).map((o) => o.key)).toEqual([
      'working',
      'status_code',
      'message',
      'responseBody',
    ]);
    const serviceResponse = cards(f, 'construct').find(
      (c) => c.node.model.metadata.name === 'Construct serviceResponse',
    )!;
    expect(inputs(serviceResponse).map((i) => i.key)).toEqual(['status_code', 'message', 'responseBody']);
    expect(inputs(returnCardOf(f)).map((i) => i.key)).toEqual(['working', 'serviceResponse']);
    expect(f.description).toBe('Connection health check');
  });

  it('never carries a connection value: auth fields are typed but empty, configs have no data', () => {
    // Every flow but a dropdown's processing flow, which only reshapes one item and calls nothing.
    const flows = Object.values(built.flopack.data.flos).filter((f) => !/ Value$/.test(f.name));
    expect(flows.length).toBe(Object.keys(built.flopack.data.flos).length - 1);
    for (const f of flows) {
      const auth = input(f.data.methods[0]!, 'auth');
      expect(auth.value.data).toEqual({});
      expect(Object.keys(auth.value.type as object)).toEqual(['username', 'password', 'accountSid']);
    }
  });
});

describe('determinism and text safety', () => {
  it('gives byte-identical output for the same spec, and different ids for another connector name', () => {
    const a = serializeFlopack(generateConnector(spec).flopack);
    const b = serializeFlopack(generateConnector(structuredClone(spec)).flopack);
    expect(a).toBe(b);
    const other = generateConnector({ ...spec, name: 'twilio_two' });
    expect(Object.keys(other.flopack.data.flos)).not.toEqual(Object.keys(built.flopack.data.flos));
  });

  it('keeps quotes, backslashes, newlines, unicode, {{, {{{ and </script> as text', () => {
    const nasty = 'Say "hi" \\ back\nnew line — ünïcødé 🚀 {{x}} {{{y}}} </script><b>&amp;';
    const s: ConnectorSpec = structuredClone(spec);
    s.displayName = nasty;
    s.actions[0]!.description = nasty;
    s.actions[0]!.inputs![0]!.label = nasty;
    s.actions[0]!.request.body = { encoding: 'text', content: `${nasty}\${inputs.to}` };
    const out = generateConnector(s);
    const text = serializeFlopack(out.flopack);
    expect(text).not.toContain('</script>');
    const parsed = JSON.parse(text) as typeof out.flopack;
    expect(Object.values(parsed.data.groups)[0]!.data.name).toBe(nasty);
    const f = Object.values(parsed.data.flos).find((x) => x.name === s.actions[0]!.name)!;
    expect(f.description).toBe(nasty);
    expect(checkFlopack(parsed)).toEqual([]);
    // The literal braces are a static placeholder value, never template syntax.
    const compose = f.data.methods.find((c) => c.node.data.name === 'Compose body')!;
    const values = Object.values(compose.node.model.inputs.data);
    expect(values.find((i) => i.key === '_text_')!.value.data).toMatch(
      /^\{\{\{[\w-]+\}\}\}\{\{\{[\w-]+\}\}\}$/,
    );
    expect(values.map((i) => i.value.data)).toContain(nasty);
  });
});
