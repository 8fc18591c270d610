// The lab in a URL fragment (#lab= + base64url of deflate-raw JSON) and in a downloadable .json file.
import { parseLab, type LabDocument, type ParseResult } from './document';
import { LIMITS } from './limits';
import { toStored } from './compact';
import { FRAGMENT_KEY } from './link';

export const FILE_EXTENSION = '.json';
export const FILE_MIME = 'application/json';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const ch of text) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out;
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  cap: number,
) {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > cap) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** base64url of the deflate-raw bytes of a JSON value: what follows `#lab=` (or `#lesson=`). */
export async function packJson(value: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  const packed = await pipe(json, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  return toBase64Url(packed ?? new Uint8Array());
}

/** `#lab=…` for the address bar. */
export async function encodeFragment(
  doc: Omit<LabDocument, 'format' | 'version'>,
): Promise<string> {
  return `#${FRAGMENT_KEY}=${await packJson(toStored(doc))}`;
}

function parseJson(text: string): ParseResult<LabDocument> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  return parseLab(value);
}

/**
 * The JSON text a link's data packs, or why the link is broken (too long, cut short, corrupt,
 * too large once unpacked: `what` names the thing it holds). Shared by lab and lesson links.
 */
export async function unpackJson(data: string, what: string): Promise<ParseResult<string>> {
  if (data.length > LIMITS.fragmentChars)
    return {
      ok: false,
      error: `the link is too long (${data.length} > ${LIMITS.fragmentChars} characters)`,
    };
  const packed = fromBase64Url(data);
  if (!packed || packed.length === 0) {
    // Only base64url's letters, but a length no encoding has: a link cut short.
    if (/^[A-Za-z0-9_-]+$/.test(data))
      return { ok: false, error: 'the link is corrupt or truncated (a length no link has)' };
    return { ok: false, error: 'the link is not valid base64url' };
  }
  let json: Uint8Array | null;
  try {
    json = await pipe(packed, new DecompressionStream('deflate-raw'), LIMITS.jsonBytes);
  } catch {
    return { ok: false, error: 'the link is corrupt or truncated (it does not decompress)' };
  }
  if (!json)
    return {
      ok: false,
      error: `the ${what} is too large once unpacked (over ${LIMITS.jsonBytes} bytes)`,
    };
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(json) };
  } catch {
    return { ok: false, error: 'the link does not hold UTF-8 text' };
  }
}

/** Reads a fragment (`#lab=…`, with or without the `#`): the lab, or why the link is broken. */
export async function decodeFragment(hash: string): Promise<ParseResult<LabDocument>> {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const data = params.get(FRAGMENT_KEY);
  if (data === null) return { ok: false, error: `the link has no #${FRAGMENT_KEY}= part` };
  const text = await unpackJson(data, 'lab');
  return text.ok ? parseJson(text.value) : text;
}

/** The file's contents: indented JSON, same document as the link. */
export function encodeFile(doc: Omit<LabDocument, 'format' | 'version'>): string {
  return `${JSON.stringify(toStored(doc), null, 2)}\n`;
}

export function decodeFile(text: string): ParseResult<LabDocument> {
  if (text.length > LIMITS.jsonBytes)
    return { ok: false, error: `the file is too large (over ${LIMITS.jsonBytes} bytes)` };
  return parseJson(text);
}
