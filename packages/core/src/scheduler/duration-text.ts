/**
 * A duration in ms as a rough phrase for a sentence: `90 s`, `12 min`, `5 h 3 min`, `2 d 4 h`.
 *
 * @param ms - the duration, in ms (not negative)
 * @returns the phrase
 */
export function describeMs(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.round(ms / 1_000)} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
