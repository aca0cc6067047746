import { allOutputs } from '../../semantics/fields.js';
import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';

/** Split (`string:split`): the text split at `delimiter` (no delimiter: a list of the whole text). */
export const splitCard = kernelCard('string:split', 'Text › Split', {
  run: (ctx) => {
    const d = ctx.inputs['delimiter'];
    const s = toText(ctx.inputs['string']);
    return { byId: allOutputs(ctx, d === null || d === undefined || d === '' ? [s] : s.split(toText(d))) };
  },
});
