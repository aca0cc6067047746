import { kernelCard } from '../definition.js';
import { ANY, SOURCES, kernelEnvelope } from '../envelope.js';

/** Assign (`control:let`): named values, mirrored, so the interpreter echoes each input as an output. */
export const assignCard = kernelCard('control:let', 'Flow Control › Assign', {
  envelope: kernelEnvelope('Create new output fields based on the input supplied.', SOURCES.http, {
    mirrored: true,
    inputs: { extensible: true, rules: ANY },
    outputs: { extensible: false, rules: ANY },
  }),
  run: () => ({}),
});
