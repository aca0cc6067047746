// Small HTTP building blocks shared by the local mocks (Twilio, Okta, the OpenAPI-driven mock).
export { readBody, BodyError, type BodyErrorKind, type ReadBodyOptions } from './body.js';
export { parseForm, parseQuery, first, all, setOwn, type FormFields } from './form.js';
export { sendJson, sendEmpty } from './respond.js';
export { redactHeaders, redactAuthorization, basicUser, authorizationSecret } from './redact.js';
export {
  isCredentialName,
  isCredentialHeader,
  nameWords,
  REDACTED,
  type CredentialLocation,
} from './credentials.js';
export { Redactor, MIN_SUBSTRING_SECRET, type RawRequest, type RedactorOptions } from './redactor.js';
export { RequestLog, DEFAULT_REQUEST_LOG_SIZE, type RecordedRequest } from './record.js';
export { listenLocal, type LocalServer, type ListenOptions } from './listen.js';
export { secretEquals } from './constant-time.js';
export { refuseControlRequest, type BoundAddress, type ControlRefusal } from './control.js';
