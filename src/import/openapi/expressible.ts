/**
 * What today's generator sends exactly as a spec describes it, in one place (issue 12 will relax these). The
 * importer never writes a spec whose flows would send a different request than the description asks for: a shape
 * that is not expressible here becomes one Object input (said in a comment), is left out when optional (said in the
 * summary), or makes the operation skipped with the reason. Flip a flag when the generator learns the shape.
 */
export const EXPRESSIBLE = {
  /**
   * Placeholders inside a JSON array (`labels: ['${inputs.label}']`) are sent literally (issue 12, point 1). A whole
   * array from one list input (`labels: ${inputs.labels}`) passes through untouched and is fine.
   */
  placeholdersInJsonArrays: false,
  /**
   * Empty optional values are dropped only at the top level of a JSON body (Clear Empty is shallow; issue 12,
   * point 7): `{"nested": {"deeper": ""}}` would be sent. So a nested object is spelled out field by field only
   * when it and every field in it are required; otherwise it is one Object input.
   */
  optionalValuesInNestedJson: false,
  /** A JSON body whose top level is not an object (an array, a string): `body.fields` is an object of fields. */
  nonObjectJsonBody: false,
  /** A whole JSON body from one Object input (a free-form body): `body.fields` cannot be a placeholder. */
  wholeBodyFromOneInput: false,
  /** Form bodies hold text values only (OC-SPEC-FORM-NESTED): no repeated keys for arrays, no nested objects. */
  formArrays: false,
  formObjects: false,
  /**
   * Query values: a list input repeats the key (`id=1&id=2`, OpenAPI's default `form` + `explode: true`); other
   * array styles (comma, space, pipe) and object styles (deepObject, exploded objects) are not expressible.
   */
  queryExplodedArrays: true,
  queryOtherArrayStyles: false,
  queryObjects: false,
  /** Header values are text; an array or object header is not expressible. */
  headerLists: false,
  /** Cookies are not a part of the spec's request. */
  cookieParameters: false,
  /**
   * `defaultHeaders` are written into the helper literally: a `${connection.x}` there would be sent as typed, so
   * the importer never puts a placeholder there. (Copies of the credential, such as Slack's `token` header, are
   * never sent at all: see credentialRole in auth.ts.)
   */
  placeholdersInDefaultHeaders: false,
  /** Response headers as outputs are case-sensitive today (issue 12, point 4); the importer does not map them. */
  responseHeaderOutputs: false,
} as const;

/** How deep the importer spells a required JSON object out field by field before it becomes one Object input. */
export const MAX_EXPANDED_DEPTH = 3;

/** Body media types the spec's encodings can send, in the importer's order of preference. */
export const BODY_ENCODINGS: ReadonlyArray<{
  test: (mediaType: string) => boolean;
  encoding: 'json' | 'form' | 'text';
}> = [
  { test: (t) => t === 'application/json' || /^application\/[\w.+-]*\+json$/.test(t), encoding: 'json' },
  { test: (t) => t === 'application/x-www-form-urlencoded', encoding: 'form' },
  { test: (t) => t.startsWith('text/'), encoding: 'text' },
];

/** Why a body media type cannot be sent, for the summary (undefined when it can). */
export function unsupportedBodyReason(mediaType: string): string {
  if (mediaType.startsWith('multipart/')) return `a multipart upload (${mediaType})`;
  if (/octet-stream|^image\/|^audio\/|^video\/|^application\/(pdf|zip)/.test(mediaType))
    return `a binary upload (${mediaType})`;
  return `a ${mediaType} request body, which the spec's encodings (json, form, text) cannot send`;
}

/** Response media types whose body the flows can read as outputs (JSON parsed, text as is). */
export function readableResponse(mediaType: string): 'json' | 'text' | undefined {
  if (
    mediaType === 'application/json' ||
    /^application\/[\w.+-]*\+json$/.test(mediaType) ||
    mediaType === '*/*'
  )
    return 'json';
  if (mediaType.startsWith('text/') || /xml/.test(mediaType)) return 'text';
  return undefined;
}
