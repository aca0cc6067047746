import type { Authentication, RequestTemplate } from './types.js';
import { SELECTED_AUTH } from '../connector/contract.js';

/**
 * A Config Value of an authentication method (Connector Builder: Authentication dialog › Config Values, help
 * page authentication-config-values.htm): a Label, a Definition (Static Value, or Value from Helper Flow), a
 * Type (Text or Password) and Visible. Flows read it as `${connection.<key>}`, like a connection parameter.
 */
export interface ConfigValue {
  /** The key flows read it by: `${connection.<key>}`. */
  key: string;
  /** Shown on the New Connection dialog (when visible). */
  label: string;
  /** Text (default) or Password (redacted, and never shown in a trace). */
  type?: 'text' | 'password';
  /** Shown on the New Connection dialog (default true); a hidden value is for the flows only. */
  visible?: boolean;
  /** Definition = Static Value: this text. */
  value?: string;
  /** Definition = Value from Helper Flow: a request of its own (it cannot use the connector's authentication). */
  helperFlow?: ConfigValueHelper;
}

/**
 * A helper flow that computes a config value: one HTTP request (Raw Request, no connector authentication) built
 * from the connection's parameters only, and the value at a dot path of the JSON response, e.g. a token request
 * exchanging a client id and secret for a session token that httpHelper then sends.
 */
export interface ConfigValueHelper {
  /** The request; its path is relative to `url` (default the connector's baseUrl). Only `${connection.*}`. */
  request: RequestTemplate;
  /** An absolute https URL the request's path is appended to, when the token endpoint is elsewhere. */
  url?: string;
  /** Dot path of the value in the parsed response body, e.g. `access_token` or `data.session.id`. */
  value: string;
}

/** The config values of an authentication method, in order. */
export function configValuesOf(auth: { configValues?: ConfigValue[] }): ConfigValue[] {
  return auth.configValues ?? [];
}

/**
 * The connector's authentication methods, in order: one, or the 2 to 5 of a list (Connector Builder's Add
 * Authentication). Code that handles one method at a time goes through this, never `spec.authentication`.
 */
export function authMethods(spec: { authentication: Authentication | Authentication[] }): Authentication[] {
  return Array.isArray(spec.authentication) ? spec.authentication : [spec.authentication];
}

/** Whether a person picks one of several methods when creating a connection (httpHelper then branches). */
export function hasSeveralAuthMethods(spec: { authentication: Authentication | Authentication[] }): boolean {
  return Array.isArray(spec.authentication) && spec.authentication.length > 1;
}

/** The first method: the one a connection without a Selected Auth uses, and what single-method code reads. */
export function primaryAuth(spec: { authentication: Authentication | Authentication[] }): Authentication {
  return authMethods(spec)[0]!;
}

/** Every config value of every method, with the method it belongs to. */
export function allConfigValues(spec: {
  authentication: Authentication | Authentication[];
}): Array<{ config: ConfigValue; auth: Authentication; index: number }> {
  return authMethods(spec).flatMap((auth, index) =>
    configValuesOf(auth).map((config) => ({ config, auth, index })),
  );
}

/** The connection fields the platform fills for a method, besides connection parameters and config values. */
export function authFieldKeys(auth: Authentication): string[] {
  return auth.type === 'basic' ? ['username', 'password'] : auth.type === 'oauth2' ? ['access_token'] : [];
}

/**
 * Every key the connection object may hold for the connector's authentication (not its parameters): each
 * method's fields and config values, and with several methods the Selected Auth (contract SELECTED_AUTH).
 */
export function authConnectionKeys(spec: { authentication: Authentication | Authentication[] }): string[] {
  const keys: string[] = [];
  const add = (k: string) => {
    if (!keys.includes(k)) keys.push(k);
  };
  for (const auth of authMethods(spec)) {
    authFieldKeys(auth).forEach(add);
    configValuesOf(auth).forEach((c) => add(c.key));
  }
  if (hasSeveralAuthMethods(spec)) add(SELECTED_AUTH.key);
  return keys;
}

/** Keys of config values a helper flow computes: the platform fills them, a person never enters them. */
export function computedConfigKeys(spec: { authentication: Authentication | Authentication[] }): string[] {
  return allConfigValues(spec)
    .filter(({ config }) => config.helperFlow)
    .map(({ config }) => config.key);
}

/**
 * The method a connection uses: the one whose key its Selected Auth holds, else the first (contract SELECTED_AUTH).
 * Only that method's config values belong to the connection.
 */
export function selectedMethod(
  spec: { authentication: Authentication | Authentication[] },
  connection: Record<string, unknown>,
): Authentication {
  const methods = authMethods(spec);
  const key = connection[SELECTED_AUTH.key];
  return methods.find((m) => m.key !== undefined && m.key === key) ?? methods[0]!;
}
