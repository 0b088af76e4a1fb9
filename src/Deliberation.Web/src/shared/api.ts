// The REST API as the pages use it: JSON in and out, RFC 7807 problems turned into ApiError with the stable type.

export interface Problem {
  type: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: Record<string, string[]>;
  existingStatementId?: number;
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.type);
    this.problem = problem;
  }

  get status(): number { return this.problem.status; }

  /** The stable problem kind without its prefix: 'duplicate-statement', 'rate-limited', 'network', … */
  get kind(): string { return this.problem.type.replace(/^\/problems\//, ''); }
}

export interface RequestOptions {
  /** A participant token, sent as a bearer token (needed inside an embed, where third-party cookies are not sent). */
  token?: string | null;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export async function api<T>(method: string, url: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ type: '/problems/network', status: 0, detail: String(error) });
  }
  return readResponse<T>(response);
}

export async function readResponse<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new ApiError(toProblem(response, text));
  return (text ? JSON.parse(text) : undefined) as T;
}

export function toProblem(response: Pick<Response, 'status' | 'headers'>, text: string): Problem {
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    if (parsed && typeof parsed.type === 'string') return { ...parsed, status: parsed.status ?? response.status } as Problem;
  } catch {
    // not JSON: fall through
  }
  const retry = Number(response.headers.get('Retry-After'));
  return {
    type: response.status === 429 ? '/problems/rate-limited' : `/problems/http-${response.status}`,
    status: response.status,
    retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : undefined,
  };
}

export const get = <T>(url: string, options?: RequestOptions) => api<T>('GET', url, undefined, options);
export const post = <T>(url: string, body?: unknown, options?: RequestOptions) => api<T>('POST', url, body ?? {}, options);
export const patch = <T>(url: string, body: unknown, options?: RequestOptions) => api<T>('PATCH', url, body, options);
