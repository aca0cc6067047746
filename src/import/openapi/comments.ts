/** A path into the spec document: `['actions', 0, 'inputs', 2]`. */
export type SpecPath = ReadonlyArray<string | number>;

/** A comment the YAML writer puts before the node at `path`. */
export interface SpecComment {
  path: SpecPath;
  text: string;
  /** A guess a person should check: written as `# REVIEW: …` so it can be searched for. */
  review: boolean;
}

/** Collects comments while a part of the spec is built, relative to that part; `under` moves them into place. */
export class Comments {
  readonly list: SpecComment[] = [];

  note(path: SpecPath, text: string): void {
    this.list.push({ path, text, review: false });
  }

  review(path: SpecPath, text: string): void {
    this.list.push({ path, text, review: true });
  }

  /** These comments, with `prefix` put in front of every path. */
  under(prefix: SpecPath): SpecComment[] {
    return this.list.map((c) => ({ ...c, path: [...prefix, ...c.path] }));
  }
}
