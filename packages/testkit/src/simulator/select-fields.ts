/**
 * An object as an API with field selection renders it (X's `tweet.fields`, Graph's `fields`): the
 * `defaults` always, then each field of `optional` that `selected` names, in the order `optional`
 * lists them; a field whose value is `undefined` is left out. Values are computed only for the
 * fields selected. A simulator keeps only its dialect: its defaults, its fields and their values.
 *
 * @param defaults - the fields every answer carries (`id`, `text`)
 * @param selected - the fields the request asked for
 * @param optional - field name → its value (or `undefined` to leave it out)
 * @returns the rendered object
 *
 * @example
 * ```ts
 * selectFields({ id: user.id }, new Set(['created_at']), {
 *   created_at: () => new Date(user.createdAt).toISOString(),
 *   description: () => user.bio,
 * }); // { id, created_at }
 * ```
 */
export function selectFields(
  defaults: Readonly<Record<string, unknown>>,
  selected: ReadonlySet<string>,
  optional: Readonly<Record<string, () => unknown>>,
): Record<string, unknown> {
  const rendered: Record<string, unknown> = { ...defaults };
  for (const [field, value] of Object.entries(optional)) {
    if (!selected.has(field)) continue;
    const computed = value();
    if (computed !== undefined) rendered[field] = computed;
  }
  return rendered;
}
