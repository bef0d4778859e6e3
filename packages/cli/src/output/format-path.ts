/** A problem's path as `media[1].sizeBytes`, or `(post)` for the whole input. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(post)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
}
