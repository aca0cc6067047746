// Small HTTP building blocks shared by the local mocks (Twilio now, Okta later).
export { readBody, BodyError, type BodyErrorKind, type ReadBodyOptions } from './body.js';
export { parseForm, parseQuery, first, all, type FormFields } from './form.js';
export { sendJson, sendEmpty } from './respond.js';
export { redactHeaders, redactAuthorization, basicUser } from './redact.js';
export { RequestLog, type RecordedRequest } from './record.js';
export { listenLocal, type LocalServer, type ListenOptions } from './listen.js';
