import { INJECTION_PAYLOADS } from './payloads.js';
import type { Random } from './random.js';

type Path = Array<string | number>;
type Container = Record<string, unknown> | unknown[];

/** Every path in a JSON value (root excluded), found with a loop. */
function pathsOf(root: unknown, limit = 200_000): Path[] {
  const out: Path[] = [];
  const pending: Array<{ value: unknown; path: Path }> = [{ value: root, path: [] }];
  while (pending.length > 0 && out.length < limit) {
    const { value, path } = pending.pop()!;
    if (path.length > 0) out.push(path);
    if (value === null || typeof value !== 'object') continue;
    for (const [k, v] of Object.entries(value))
      pending.push({ value: v, path: [...path, Array.isArray(value) ? Number(k) : k] });
  }
  return out;
}

function parentOf(root: unknown, path: Path): Container | undefined {
  let node: unknown = root;
  for (const seg of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg as string];
  }
  return node !== null && typeof node === 'object' ? (node as Container) : undefined;
}

function get(root: unknown, path: Path): unknown {
  const parent = parentOf(root, path);
  return parent === undefined
    ? undefined
    : (parent as Record<string, unknown>)[path[path.length - 1] as string];
}

function set(root: unknown, path: Path, value: unknown): void {
  const parent = parentOf(root, path);
  if (parent !== undefined) (parent as Record<string, unknown>)[path[path.length - 1] as string] = value;
}

const UNICODE = [
  '\u0000',
  '\u0007',
  '\u001b[2J',
  '\r',
  '\u202e',
  '\ud83d\ude00',
  '\uffff',
  '\u00e9',
  'e\u0301',
  '\u2028',
];

function randomScalar(random: Random): unknown {
  return random.pick<unknown>([
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -0.5,
    2 ** 53 + 1,
    '',
    ' ',
    'x',
    random.pick(INJECTION_PAYLOADS),
    [],
    {},
    { a: 1 },
    ['x'],
  ]);
}

export const MUTATIONS = [
  'delete',
  'duplicate',
  'retype',
  'deepen',
  'huge',
  'unicode',
  'inject',
  'cycle',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/**
 * One structure-aware mutation of `root` in place: delete a key or item, duplicate one, change a value's type,
 * nest it deeply, make a string huge, add unicode and control characters, put an injection payload in a text
 * field, or (for in-memory values) point a value back at its ancestor. Returns what it did, for the report.
 */
export function mutate(root: unknown, random: Random, only?: Mutation): string {
  const paths = pathsOf(root);
  if (paths.length === 0) return 'none';
  const mutation = only ?? random.pick(MUTATIONS);
  const strings = mutation === 'huge' || mutation === 'unicode' || mutation === 'inject';
  const candidates = strings ? paths.filter((p) => typeof get(root, p) === 'string') : paths;
  const path = random.pick(candidates.length > 0 ? candidates : paths);
  const where = '/' + path.join('/');
  const value = get(root, path);
  const parent = parentOf(root, path)!;
  const key = path[path.length - 1]!;
  switch (mutation) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key as string];
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(value));
      else parent[`${String(key)}${random.pick(['', '_', 'Copy', ' '])}2`] = structuredClone(value);
      break;
    case 'retype':
      set(root, path, randomScalar(random));
      break;
    case 'deepen': {
      let nested: unknown = value;
      const levels = random.pick([2, 10, 60, 130, 900]);
      for (let i = 0; i < levels; i++) nested = random.chance(0.5) ? [nested] : { x: nested };
      set(root, path, nested);
      break;
    }
    case 'huge':
      set(
        root,
        path,
        String(value).repeat(2) +
          random.pick(['A', '{', '${', '%', '\\']).repeat(random.pick([5_000, 60_000])),
      );
      break;
    case 'unicode': {
      const s = String(value);
      const at = random.int(s.length + 1);
      set(root, path, s.slice(0, at) + random.pick(UNICODE) + s.slice(at));
      break;
    }
    case 'inject':
      set(
        root,
        path,
        random.chance(0.5)
          ? random.pick(INJECTION_PAYLOADS)
          : `${String(value)} ${random.pick(INJECTION_PAYLOADS)}`,
      );
      break;
    case 'cycle':
      // Written out as text a cycle cannot survive JSON; the harness writes YAML aliases for it instead.
      set(root, path, { $cycle: true });
      break;
  }
  return `${mutation} ${where.length > 80 ? where.slice(0, 80) + '…' : where}`;
}

/** Keys whose values are free text a person types: where injection payloads are most likely to arrive. */
const FREE_TEXT_KEYS = new Set(['description', 'displayName', 'label', 'name', 'hint', 'message', 'title']);

/** An injection payload, unicode or a huge string in one free-text field; the spec usually stays valid. */
export function mutateFreeText(root: unknown, random: Random): string {
  const paths = pathsOf(root).filter(
    (p) => typeof get(root, p) === 'string' && FREE_TEXT_KEYS.has(String(p[p.length - 1])),
  );
  if (paths.length === 0) return mutate(root, random, 'inject');
  const path = random.pick(paths);
  const value = String(get(root, path));
  const kind = random.pick(['inject', 'inject', 'unicode', 'huge'] as const);
  const text =
    kind === 'inject'
      ? `${value} ${random.pick(INJECTION_PAYLOADS)}`
      : kind === 'unicode'
        ? value + random.pick(UNICODE)
        : value + 'A'.repeat(random.pick([1_000, 50_000]));
  set(root, path, text);
  return `free-text ${kind} /${path.join('/')}`;
}
