// Splitting an http:// URL as curl and wget do: host, port (80 by default) and path. Pure.
import { isControl } from '../../sim';

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

/** How a client writes a typed URL's path on the request line. */
export type PathStyle = 'curl' | 'gnu-wget' | 'busybox-wget';

const percent = (s: string, upper: boolean) =>
  [...new TextEncoder().encode(s)]
    .map((b) => `%${b.toString(16).padStart(2, '0')}`)
    .map((x) => (upper ? x.toUpperCase() : x))
    .join('');

/**
 * The path as the client sends it, or null where the client refuses the URL. Measured on the
 * reference tools: curl 7.88.1 refuses a space or a control character (`(3) URL using
 * bad/illegal format`) and writes other bytes over 0x7f as lowercase %xx; GNU Wget 1.21.3 writes
 * spaces and those bytes as uppercase %XX; busybox wget sends the path as typed (parse_url copies
 * it), control characters aside, which the lab writes as %XX so a request line stays one line.
 */
export function requestPath(path: string, style: PathStyle): string | null {
  let out = '';
  for (const ch of path) {
    const wide = ch.charCodeAt(0) > 0x7f;
    const space = ch === ' ';
    if (style === 'curl' && (isControl(ch) || space)) return null;
    const encode =
      style === 'curl' ? wide : isControl(ch) || (style === 'gnu-wget' && (wide || space));
    out += encode ? percent(ch, style !== 'curl') : ch;
  }
  return out;
}
