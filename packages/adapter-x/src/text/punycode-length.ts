// How long a domain label becomes in ASCII (RFC 3492 Punycode with the `xn--` prefix), which is
// all twitter-text asks of its IDNA step: a URL whose domain has a label longer than 63 ASCII
// characters once encoded (the DNS limit, RFC 1035 section 2.3.4) is not a URL to X, so it counts
// character by character (https://docs.x.com/fundamentals/counting-characters). Only the length is
// computed; nothing is encoded.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

/** RFC 3492 section 6.1, bias adaptation. */
function adapt(delta: number, points: number, first: boolean): number {
  let scaled = first ? Math.floor(delta / DAMP) : delta >> 1;
  scaled += Math.floor(scaled / points);
  let k = 0;
  for (; scaled > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) scaled = Math.floor(scaled / (BASE - T_MIN));
  return Math.floor(k + ((BASE - T_MIN + 1) * scaled) / (scaled + SKEW));
}

/** Length of the RFC 3492 encoding of `points` (without the `xn--` prefix). */
function encodedLength(points: readonly number[]): number {
  const basic = points.filter((point) => point < 0x80).length;
  let length = basic > 0 ? basic + 1 : 0;
  let handled = basic;
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  while (handled < points.length) {
    let next = Number.POSITIVE_INFINITY;
    for (const point of points) if (point >= n && point < next) next = point;
    delta += (next - n) * (handled + 1);
    n = next;
    for (const point of points) {
      if (point < n) delta += 1;
      if (point !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        length += 1;
        q = Math.floor((q - t) / (BASE - t));
      }
      length += 1;
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled += 1;
    }
    delta += 1;
    n += 1;
  }
  return length;
}

/** Code points of `text` as UTF-16 decoding gives them, a lone surrogate kept as itself. */
function codePoints(text: string): number[] {
  const points: number[] = [];
  for (const char of text) points.push(char.codePointAt(0) ?? 0);
  return points;
}

/**
 * The ASCII length of one domain label as IDNA's ToASCII writes it (RFC 3490 section 4.1): the
 * dot-like separators U+3002, U+FF0E and U+FF61 split it further, and a part with anything
 * outside printable ASCII becomes `xn--` and its Punycode.
 */
export function asciiLabelLength(label: string): number {
  const parts = label.split(/[.\u3002\uFF0E\uFF61]/);
  let length = parts.length - 1;
  for (const part of parts) {
    length += /[^\x20-\x7E]/.test(part) ? 4 + encodedLength(codePoints(part)) : part.length;
  }
  return length;
}
