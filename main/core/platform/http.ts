import axios, { type AxiosInstance } from 'axios';

export type HttpClient = AxiosInstance;

/**
 * The core's HTTP client. Limits are defaults every caller inherits: bodies are capped, redirects
 * are few, and callers pass an AbortSignal deadline (axios' own timeout does not stop a slow drip).
 */
export function createHttpClient(userAgent: string): HttpClient {
  return axios.create({
    headers: { 'User-Agent': userAgent },
    maxRedirects: 5,
    maxContentLength: 20 * 1024 * 1024,
    maxBodyLength: 100 * 1024 * 1024,
    validateStatus: () => true,
  });
}
