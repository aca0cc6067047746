import type { FlowBuilder, OutputRef } from '../flopack/builder/index.js';
import { urlEncode } from '../flopack/builder/index.js';
import type { PlaceholderSource } from '../spec/placeholders.js';

/** Where placeholder references (`${inputs.x}`, `${options.x}`, `${connection.x}`) come from in one flow scope. */
export interface RefSource {
  resolve(source: PlaceholderSource, key: string): OutputRef;
  /** Whether the referenced value may be empty at run time (not required). */
  optional(source: PlaceholderSource, key: string): boolean;
}

/** Where a spec template is turned into cards: the flow being built, where its placeholders resolve, and per-scope card caches. (Not a flopack scope: see flopack/read for those.) */
export class TemplateScope {
  private readonly encoded = new Map<string, OutputRef>();

  constructor(
    readonly flow: FlowBuilder,
    readonly refs: RefSource,
  ) {}

  /** The reference, percent-encoded by one Encode Component card per reference (cached). */
  encodedRef(source: PlaceholderSource, key: string): OutputRef {
    const at = `${source}.${key}`;
    let out = this.encoded.get(at);
    if (!out) {
      out = urlEncode(this.flow, `encode/${at}`, this.refs.resolve(source, key), `Encode ${key}`);
      this.encoded.set(at, out);
    }
    return out;
  }
}
