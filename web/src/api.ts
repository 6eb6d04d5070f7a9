// The node's REST API as the browser calls it: same origin, the session
// cookie sent by the browser, the session's CSRF token in X-CSRF-Token on
// every state-changing request, and every error turned into words.
import { t } from './i18n';

export interface Finding {
  path: string;
  rule: string;
  message: string;
  severity: 'error' | 'warning';
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Finding[] = [],
  ) {
    super(message);
  }
}

export interface Session {
  signed_in: boolean;
  user?: string;
  organisation?: string | null;
  role?: 'reader' | 'analyst' | 'org-admin' | 'admin';
  csrf_token?: string;
  expires?: string;
}

let csrfToken = '';
let onSignedOut: () => void = () => {};

// Called when the node no longer knows the session (401): the app shows the sign-in.
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export function rememberSession(session: Session): void {
  csrfToken = session.csrf_token ?? '';
}

// The words for an error of any kind, for the user.
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (error.status === 404) return t('error.notFound');
    return t('error.status', { status: error.status, message: error.message });
  }
  return error instanceof Error ? error.message : String(error);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, t('error.network'));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = (parsed as { error?: { message?: string; details?: Finding[] } } | undefined)?.error;
    if (response.status === 401 && path !== '/api/v1/session') onSignedOut();
    throw new ApiError(response.status, error?.message ?? response.statusText, error?.details ?? []);
  }
  return parsed as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);

// A query string from the defined values of `params`; arrays repeat the name.
export function query(params: Record<string, string | string[] | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
