import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';

/** Noop (`control:noop`): does nothing; If/Else branch heads are hidden Noops (reference §1.6). */
export const noopCard = kernelCard('control:noop', 'Flow Control › Noop', {
  envelope: kernelEnvelope('No-op. Does not do anything.', SOURCES.auth0, {
    displayed: false,
    inputs: { extensible: true },
    outputs: { extensible: true },
  }),
  run: () => ({}),
});
