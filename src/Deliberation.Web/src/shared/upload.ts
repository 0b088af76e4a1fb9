// Uploading a file with progress (fetch cannot report upload progress; XMLHttpRequest can). Errors become ApiError
// with the problem's stable type, as with api().
import { ApiError, toProblem } from './api';

/** Posts `file` as the one file field of a multipart form; `progress` gets the uploaded fraction (null: unknown). */
export function uploadFile<T>(url: string, file: File, progress: (fraction: number | null) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.addEventListener('progress', (event) => progress(event.lengthComputable && event.total > 0 ? event.loaded / event.total : null));
    xhr.upload.addEventListener('load', () => progress(1));
    xhr.addEventListener('load', () => {
      const text = xhr.responseText;
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((text ? JSON.parse(text) : undefined) as T);
        } catch (error) {
          reject(new ApiError({ type: '/problems/internal', status: xhr.status, detail: String(error) }));
        }
        return;
      }
      const headers = new Headers();
      const retry = xhr.getResponseHeader('Retry-After');
      if (retry) headers.set('Retry-After', retry);
      reject(new ApiError(toProblem({ status: xhr.status, headers }, text)));
    });
    xhr.addEventListener('error', () => reject(new ApiError({ type: '/problems/network', status: 0 })));
    xhr.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
