import {
  constructFromEvents,
  defineMappingTag,
  defineScalarTag,
  COLLECTION_STYLE,
  EVENT_ID,
  FAILSAFE_SCHEMA,
  NOT_RESOLVED,
  parseEvents,
  SCALAR_STYLE,
  type Event,
} from 'js-yaml';

/*
 * A fast data path for YAML: js-yaml builds plain data straight from a flat event stream, about 3x faster than the
 * `yaml` library's document model. The `yaml` library stays the source of truth (positions, error messages, edge
 * cases): this path only answers for plain documents, and then with exactly the data `yaml`'s toJS would give.
 * That holds by construction, not by hope:
 * - Scalars resolve with the `yaml` library's own YAML 1.2 core-schema rules, copied below (js-yaml's core schema
 *   differs at the edges: it keeps "1e400" a string where `yaml` makes Infinity).
 * - Mappings convert keys as `yaml` does (a null key is "", not "null"), refuse collection keys, and treat as a
 *   duplicate every key our `yaml` path would (src/source/document.ts compares String(key)).
 * - Anything where the libraries may differ sends the caller back to `yaml`: a js-yaml error of any kind, explicit
 *   tags, directives, more or fewer than one document, merge keys (`<<`), aliases beyond the plain use (isPlain).
 * test/source/fast-yaml.test.ts compares both paths over every YAML file in the repo and random documents.
 */

// --- the `yaml` library's core schema (node_modules/yaml/dist/schema/core/*.js, common/null.js), plain scalars only
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const nullTag = defineScalarTag('tag:yaml.org,2002:null', {
  implicit: true,
  implicitFirstChars: ['', '~', 'n', 'N'],
  resolve: (source) => (NULL.test(source) ? null : NOT_RESOLVED),
  identify: (value) => value === null,
});
const boolTag = defineScalarTag('tag:yaml.org,2002:bool', {
  implicit: true,
  implicitFirstChars: ['t', 'T', 'f', 'F'],
  resolve: (source) => (BOOL.test(source) ? source[0] === 't' || source[0] === 'T' : NOT_RESOLVED),
  identify: (value) => typeof value === 'boolean',
});
const intTag = defineScalarTag('tag:yaml.org,2002:int', {
  implicit: true,
  implicitFirstChars: ['-', '+', ...'0123456789'],
  resolve: (source) =>
    INT_OCT.test(source)
      ? parseInt(source.substring(2), 8)
      : INT.test(source)
        ? parseInt(source, 10)
        : INT_HEX.test(source)
          ? parseInt(source.substring(2), 16)
          : NOT_RESOLVED,
  identify: (value) => Number.isInteger(value),
});
const floatTag = defineScalarTag('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: ['-', '+', '.', ...'0123456789'],
  resolve: (source) =>
    FLOAT_NAN.test(source)
      ? source.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : source[0] === '-'
          ? Number.NEGATIVE_INFINITY
          : Number.POSITIVE_INFINITY
      : FLOAT_EXP.test(source) || FLOAT.test(source)
        ? parseFloat(source)
        : NOT_RESOLVED,
  identify: (value) => typeof value === 'number',
});

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

const mapTag = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  addPair: (object, key, value) => {
    if (key !== null && typeof key === 'object') return 'collection keys take the yaml path';
    const name = key === null ? '' : String(key);
    // As yaml's toJS: an own property even for "__proto__", never the prototype setter.
    if (name in object)
      Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
    else object[name] = value;
    return '';
  },
  // A duplicate wherever document.ts's check (String(key) equal) sees one, and a few more: a null key is "" in
  // the data but "null" there.
  has: (object, key) =>
    key !== null && typeof key === 'object'
      ? false
      : hasOwn(object, key === null ? '' : String(key)) ||
        ((key === null || key === 'null') && (hasOwn(object, '') || hasOwn(object, 'null'))),
  keys: (object) => Object.keys(object),
  get: (object, key) => object[String(key)],
  identify: () => false,
});

const SCHEMA = FAILSAFE_SCHEMA.withTags(mapTag, nullTag, boolTag, intTag, floatTag);

/**
 * The data of a plain YAML document (no BOM), exactly as the `yaml` library would give it, or undefined when the
 * caller must take the `yaml` path (any error, or a feature listed above). With it, when the document has no alias,
 * how deeply its collections nest (`[]` is 1): the events tell, so the caller need not walk the value to know.
 */
export function fastYamlData(
  text: string,
  limits: { maxDepth: number; maxAliases: number },
): { value: unknown; nesting?: number } | undefined {
  // `<<` may be a merge key; a byte-order mark inside the text is content to js-yaml, skipped by `yaml`; a lone CR
  // is a line break to js-yaml but not to `yaml`; and see below.
  if (
    text.includes('<<') ||
    text.includes('\uFEFF') ||
    (text.includes('\r') && /\r(?!\n)/.test(text)) ||
    (text.includes('\t') && TAB_INDENT.test(text)) ||
    EXPLICIT_KEY.test(text) ||
    EXPLICIT_KEY_FIRST.test(text)
  )
    return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: limits.maxDepth });
  } catch {
    return undefined;
  }
  const plain = isPlain(events, text, limits.maxAliases);
  if (!plain) return undefined;
  try {
    const [value] = constructFromEvents(events, { source: text, schema: SCHEMA });
    return plain.aliases === 0 ? { value, nesting: plain.nesting } : { value };
  } catch {
    return undefined;
  }
}

/**
 * One document whose root is a collection, no directives, no tags; aliases only to anchored values that hold no
 * alias themselves and at most `maxAliases` of them. Then `yaml`'s alias budget (the uses of an anchor times the
 * aliases nested in it, at most `maxAliases`) cannot run out, so both libraries give the same value and the same
 * shared objects. Two spellings js-yaml accepts and `yaml` refuses are declined too: an anchor not followed by
 * white space, and a block mapping key that does not open its line (`a: &x b: c`, `- "x"  "k": v`).
 * For a plain document: how many aliases it has, and how deeply its collections nest (the value's too when there is
 * no alias: one object or array per collection event, none shared).
 */
function isPlain(
  events: readonly Event[],
  text: string,
  maxAliases: number,
): { aliases: number; nesting: number } | undefined {
  if (events[1]?.type !== EVENT_ID.SEQUENCE && events[1]?.type !== EVENT_ID.MAPPING) return undefined;
  let documents = 0;
  let aliases = 0;
  let nesting = 0;
  // One entry per open document or collection: is it anchored (`anchored` counts those), and for a block mapping
  // how many keys and values it has had so far (-1 for anything else), so that its keys can be told apart.
  const anchoredFrames: boolean[] = [];
  const blockMapItems: number[] = [];
  let anchored = 0;
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1 || event.directives.length > 0) return undefined;
      anchoredFrames.push(false);
      blockMapItems.push(-1);
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      blockMapItems.pop();
      if (anchoredFrames.pop()) anchored--;
      continue;
    }
    // A node: first, is it a key of a block mapping?
    const top = blockMapItems.length - 1;
    const items = blockMapItems[top]!;
    if (items >= 0) {
      if (items % 2 === 0 && !opensItsLine(text, nodeStart(event))) return undefined;
      blockMapItems[top] = items + 1;
    }
    switch (event.type) {
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        if (event.tagStart !== -1) return undefined;
        const isAnchor = event.anchorStart !== -1;
        if (isAnchor && !SEPARATOR.test(text.charAt(event.anchorEnd))) return undefined;
        anchoredFrames.push(isAnchor);
        // The frames are the document's and its open collections'.
        nesting = Math.max(nesting, anchoredFrames.length - 1);
        if (isAnchor) anchored++;
        blockMapItems.push(
          event.type === EVENT_ID.MAPPING && event.style === COLLECTION_STYLE.BLOCK ? 0 : -1,
        );
        break;
      }
      case EVENT_ID.SCALAR:
        if (event.tagStart !== -1) return undefined;
        // Folding a blank line inside a quoted or plain scalar (after an escaped line break, say) differs.
        if (
          event.style <= SCALAR_STYLE.DOUBLE_QUOTED &&
          !event.fast &&
          BLANK_LINE.test(text.slice(event.valueStart, event.valueEnd))
        )
          return undefined;
        if (event.anchorStart !== -1 && !SEPARATOR.test(text.charAt(event.anchorEnd))) return undefined;
        break;
      case EVENT_ID.ALIAS:
        if (anchored > 0 || ++aliases > maxAliases) return undefined;
        break;
    }
  }
  return documents === 1 ? { aliases, nesting } : undefined;
}

/** Where a node's text begins: its anchor's `&`, an alias's `*`, a quote, or the first character of a value. */
function nodeStart(event: Event): number {
  switch (event.type) {
    case EVENT_ID.SCALAR:
      if (event.anchorStart !== -1) return event.anchorStart - 1;
      return event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED
        ? event.valueStart - 1
        : event.valueStart;
    case EVENT_ID.ALIAS:
      return event.anchorStart - 1;
    case EVENT_ID.SEQUENCE:
    case EVENT_ID.MAPPING:
      return event.anchorStart !== -1 ? event.anchorStart - 1 : event.start;
    default:
      return 0;
  }
}

/** A tab in indentation (after spaces and entry indicators): `yaml` refuses it where js-yaml may not. */
const TAB_INDENT = /^[ ?:-]*\t/m;
/** An explicit key or value indicator (`? `, `: `) opening a line (the first, or any other): complex keys. */
const EXPLICIT_KEY = /\n[ -]*[?:](?:[ \r\n]|$)/;
const EXPLICIT_KEY_FIRST = /^[ -]*[?:](?:[ \r\n]|$)/;
/** A line holding nothing but white space, inside a scalar. */
const BLANK_LINE = /\n[ \t]*\r?\n/;
/** What may follow an anchor (charAt gives '' at the end of the text). */
const SEPARATOR = /^(?:[ \t\r\n]|)$/;
/**
 * Whether only indentation and sequence entries (`- `) precede `start` on its line: a block mapping that starts
 * there is not a compact mapping on its parent's line. A backward scan, cheaper than slicing the line.
 */
function opensItsLine(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a /* \n */) return true;
    if (c !== 0x20 /* space */ && !(c === 0x2d /* - */ && text.charCodeAt(i + 1) === 0x20)) return false;
  }
  return true;
}
