// Splitting an http:// URL as curl and wget do: host, port (80 by default) and path. Pure.

export interface Url {
  readonly host: string;
  /** The port as written in the URL, if any (curl's Host header and wget's message show it). */
  readonly explicitPort: number | null;
  readonly port: number;
  readonly path: string;
}

export function parseUrl(text: string): Url | { error: 'scheme' | 'port'; scheme?: string } {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::([^/?#]*))?([^#]*)/.exec(text);
  const scheme = (m?.[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { error: 'scheme', scheme };
  const portText = m?.[3];
  if (portText !== undefined && (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535)) {
    return { error: 'port' };
  }
  const explicitPort = portText === undefined || portText === '' ? null : Number(portText);
  return {
    host: m?.[2] ?? '',
    explicitPort,
    port: explicitPort ?? (scheme === 'https' ? 443 : 80),
    path: m?.[4] || '/',
  };
}

export const STATUS_TEXT: { readonly [code: number]: string } = {
  200: 'OK',
  301: 'Moved Permanently',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
};

/** UTF-8 length of a body: what Content-Length says. */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

export const contentType = (body: string): string =>
  body.trimStart().startsWith('<') ? 'text/html' : 'text/plain';
