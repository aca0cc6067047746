import {
  assign,
  compose,
  urlEncode,
  type CardHandle,
  type ComposePart,
  type FlowBuilder,
  type IfElse,
  type OutputRef,
} from '../flopack/builder/index.js';
import type { SendPlan } from './twilio-send-plan.js';

/** One If/Else branch: URL-encode the values, compose the form body, and name what the Join carries on. */
export function branch(
  flow: FlowBuilder,
  choice: IfElse,
  side: boolean,
  plan: SendPlan,
  refs: { to: OutputRef; body: OutputRef },
  label: string,
): CardHandle {
  const key = label.toLowerCase();
  const cards: CardHandle[] = [];
  const encoded = new Map<string, OutputRef>();
  const enc = (input: 'to' | 'body'): OutputRef => {
    let out = encoded.get(input);
    if (!out) {
      out = urlEncode(
        flow,
        `${key}/encode/${input}`,
        refs[input],
        `Encode ${input === 'to' ? 'phone' : 'message'}`,
      );
      encoded.set(input, out);
      cards.push(out.card);
    }
    return out;
  };
  // Names and literal text are encoded now; values at run time (a raw `+` would reach Twilio as a space).
  const parts: ComposePart[] = [];
  plan.fields.forEach((f, i) => {
    parts.push(`${i ? '&' : ''}${encodeURIComponent(f.name)}=`);
    for (const p of f.parts) parts.push('text' in p ? encodeURIComponent(p.text) : enc(p.input));
  });
  const body = compose(flow, `${key}/form`, parts, `Compose ${label} form body`);
  cards.push(body.card);
  const facts = assign(
    flow,
    `${key}/facts`,
    [
      { key: 'Form Body', value: body },
      { key: 'Channel', value: label },
      { key: 'Channel Key', value: key },
      { key: 'Recipient', value: refs.to },
    ],
    `${label} message`,
  );
  cards.push(facts);
  choice.add(side, ...cards);
  return facts;
}
