import { secretRedactor } from '../security/redact.js';

/** How many access tokens' redactors one HTTP client keeps (about one per account it serves). */
const KEPT_TOKENS = 256;

/**
 * The redactors of the access tokens an HTTP client sent lately, each built once: building one
 * compiles a pattern for every way the token may be echoed (`echoPattern`), which cost more CPU
 * than the rest of a request, and a success body is redacted of its token on every request.
 * Least recently used tokens go first once {@link KEPT_TOKENS} are kept; a dropped or new token
 * is simply built again.
 *
 * @returns a function giving the redactor of a token
 */
export function tokenRedactors(): (token: string) => (text: string) => string {
  const kept = new Map<string, (text: string) => string>();
  return (token) => {
    const known = kept.get(token);
    if (known !== undefined) {
      // Most recently used last, so the first key is the one to drop.
      kept.delete(token);
      kept.set(token, known);
      return known;
    }
    const redact = secretRedactor([token]);
    kept.set(token, redact);
    if (kept.size > KEPT_TOKENS) {
      const oldest = kept.keys().next().value;
      if (oldest !== undefined) kept.delete(oldest);
    }
    return redact;
  };
}
