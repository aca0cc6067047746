/**
 * What the read model remembers per object (each flo's scope in walk.ts, each scope's graph and outline in
 * graph.ts), and a way to forget all of it at once.
 *
 * Why forget: V8's young-generation collector (Node 20) treats the values of a WeakMap that has reached the old
 * generation as reachable, whether their keys are still in use or not (only a full collection sees through that),
 * and each value here refers back to its key (a scope holds its flo, a graph its cards, which hold their scope). So
 * a long-lived cache kept every flow it had read alive until the next full collection, copied on the way.
 * A build reads its flows one at a time and forgets after each (forgetReadings); a simulator's flows live as long as
 * the run, and it keeps them.
 */
const caches: Array<{ forget(): void }> = [];

/**
 * A per-object cache of the read model, made once per module (each registers itself here, to be emptied by
 * forgetReadings).
 */
export class ReadingCache<K extends object, V> {
  private entries = new WeakMap<K, V>();

  constructor() {
    caches.push(this);
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.set(key, value);
  }

  /** A new, empty map: the old one, and what only it held, goes with the next collection. */
  forget(): void {
    this.entries = new WeakMap();
  }
}

/** Forgets everything the read model has remembered: for a caller done with the flows it has read so far. */
export function forgetReadings(): void {
  for (const cache of caches) cache.forget();
}
