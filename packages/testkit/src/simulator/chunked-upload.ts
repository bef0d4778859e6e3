import type { MultipartPart } from './read-multipart.js';

/**
 * A chunked upload between its start and its end (X's INITIALIZE … FINALIZE, LinkedIn's and
 * TikTok's upload sessions): who uploads, the size announced, the bytes received per segment.
 */
export interface UploadSession {
  /** The upload's id (the media id it becomes). */
  readonly id: string;
  /** Who uploads. */
  readonly accountId: string;
  /** The size announced at the start. */
  readonly totalBytes: number;
  /** When the session expires, simulated time. */
  readonly expiresAt: number;
  /** Bytes per segment index (a segment sent twice replaces the first). */
  readonly segments: Map<number, number>;
  /** The upload was finished (finalized). */
  finalized: boolean;
}

/**
 * The chunked uploads in progress on a simulated platform: opened with the size announced,
 * segments recorded by index, looked up only by their uploader and only until they expire. A
 * simulator keeps only its dialect: its routes, bodies, limits and errors. Make it
 * `sim.resettable` so a reset forgets the sessions.
 *
 * @typeParam T - the session with the platform's own fields (a media type, a kind)
 *
 * @example
 * ```ts
 * const uploads = sim.resettable(new UploadSessions<UploadSession & { readonly mediaType: string }>());
 * const session = uploads.open({ id: sim.nextId(), accountId, totalBytes: 1024, expiresAt: now + 86_400_000, mediaType: 'video/mp4' });
 * uploads.live(session.id, accountId, now)?.segments.set(0, 1024);
 * uploads.received(session) === session.totalBytes; // ready to finalize
 * ```
 */
export class UploadSessions<T extends UploadSession = UploadSession> {
  readonly #sessions = new Map<string, T>();

  /** Starts a session with no segment received, not finalized. */
  open(session: Omit<T, 'segments' | 'finalized'>): T {
    const opened = { ...session, segments: new Map(), finalized: false } as T;
    this.#sessions.set(opened.id, opened);
    return opened;
  }

  /** The session `id` of `accountId`, unless it is unknown, someone else's or expired at `now`. */
  live(id: string, accountId: string, now: number): T | undefined {
    const session = this.#sessions.get(id);
    return session === undefined || session.accountId !== accountId || now >= session.expiresAt
      ? undefined
      : session;
  }

  /** The bytes received so far, over every segment. */
  received(session: T): number {
    let bytes = 0;
    for (const size of session.segments.values()) bytes += size;
    return bytes;
  }

  /** Forgets every session (the simulator's reset). */
  clear(): void {
    this.#sessions.clear();
  }
}

/**
 * The decoded size of base64 text (RFC 4648 §4; white space ignored), for upload APIs that take a
 * chunk as a base64 string in JSON.
 *
 * @example
 * ```ts
 * base64ByteLength('aGVsbG8=') === 5;
 * ```
 */
export function base64ByteLength(encoded: string): number {
  const clean = encoded.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

/**
 * The size of the chunk a multipart part carries, for upload APIs that take either the raw bytes
 * or their base64 text in the same field (an OpenAPI `anyOf [{format: binary}, {format: byte}]`).
 * A part that names a file or a non-text Content-Type is raw bytes; so is a bare part (no
 * filename, no Content-Type, as reqwest's `Part::bytes` or Python's `files={"media": (None,
 * chunk)}` send it) unless it is well-formed base64 text, padded to a multiple of 4 (a binary
 * image or video chunk made only of base64 characters does not occur in practice).
 *
 * @example
 * ```ts
 * const media = (await readMultipart(request))?.find((part) => part.name === 'media');
 * const bytes = media === undefined ? 0 : chunkByteLength(media);
 * ```
 */
export function chunkByteLength(part: MultipartPart): number {
  const binary =
    part.filename !== undefined ||
    (part.contentType !== undefined && !part.contentType.startsWith('text/plain'));
  const text = binary ? undefined : base64Text(part.bytes);
  return text === undefined ? part.bytes.byteLength : base64ByteLength(text);
}

/** The bytes as base64 text (whitespace allowed between lines), or `undefined` when they are not. */
function base64Text(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength === 0) return undefined;
  for (const byte of bytes) if (byte > 0x7f) return undefined;
  const text = new TextDecoder().decode(bytes).replace(/\s/g, '');
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? text : undefined;
}
