/**
 * The read model of flopacks (README "Architecture"): addresses, a tolerant walk over flows, scopes and inline
 * flos, and each scope's graph. Lint, the simulator, the build sheet and the tests all read flopacks through it.
 */
export * from './address.js';
export * from './model.js';
export * from './graph.js';
export * from './inline.js';
export {
  readFlo,
  readFlopack,
  readFlow,
  readInline,
  cardPointer,
  fieldPointer,
  childPointer,
  inIndexOrder,
} from './walk.js';
export { forgetReadings } from './reading-cache.js';
export { isObject, objectOr, stringOr, type Json } from './tolerant.js';
