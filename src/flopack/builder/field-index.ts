/**
 * A card's fields of one direction, by group and key. Fields without a group (most of them) are found by their key
 * alone, so no lookup string is built for each of the ~100,000 fields of a large build; grouped fields by
 * `group NUL key`. An empty group is no group, as in the flopack.
 */
export class FieldIndex<R> {
  private readonly byKey = new Map<string, R>();
  private readonly byGroupAndKey = new Map<string, R>();

  get(group: string | null | undefined, key: string): R | undefined {
    return group ? this.byGroupAndKey.get(`${group}\u0000${key}`) : this.byKey.get(key);
  }

  /** Adds `ref` at `group`/`key`; false, adding nothing, when that slot is taken. */
  add(group: string | null | undefined, key: string, ref: R): boolean {
    const map = group ? this.byGroupAndKey : this.byKey;
    const at = group ? `${group}\u0000${key}` : key;
    if (map.has(at)) return false;
    map.set(at, ref);
    return true;
  }
}
