import { kernelCard } from '../definition.js';
import { ANY, SOURCES, kernelEnvelope } from '../envelope.js';

/**
 * Join (`control:join`): collects the taken If/Else branch. It echoes inputs to outputs through its `joins` map,
 * which the interpreter does; the card itself does nothing.
 */
export const joinCard = kernelCard('control:join', 'Flow Control › Join', {
  envelope: kernelEnvelope(
    'A method for joining IO from multiple mutually exclusive if/else branches.',
    SOURCES.http,
    {
      inputs: { extensible: true, rules: ANY },
      outputs: { extensible: true, rules: ANY },
    },
  ),
  run: () => ({}),
});
