import type * as z from 'zod/mini';
import { parseModel } from '../parse/parse-model.js';

/**
 * The settings an adapter works with, derived from its settings schema: every key of the
 * schema's output is present, and one left out (no default) is `undefined`, where the HTTP
 * client or webhook handler then applies its own default. Derive the resolved type from the
 * schema instead of restating every field.
 *
 * @example
 * ```ts
 * const Settings = z.object({ maxTextLength: z._default(positiveIntegerSetting, 500), fetch: z.optional(fetchSetting) });
 * type Resolved = ResolvedSettings<typeof Settings>; // { readonly maxTextLength: number; readonly fetch: typeof fetch | undefined }
 * ```
 */
export type ResolvedSettings<Schema extends z.ZodMiniObject> = {
  readonly [Key in keyof Required<z.output<Schema>>]: z.output<Schema>[Key];
};

/**
 * Checks an adapter's settings against its schema with `parseModel` (one `ValidationError`
 * listing every bad setting, when the adapter is made, not at its first post), fills in the
 * schema's defaults, and gives every setting left out as `undefined`.
 *
 * @param schema - the settings schema (`z.object`), its defaults as `z._default`
 * @param settings - the settings as given
 * @param subject - what is checked, for the error (`X adapter settings`)
 * @param platform - the adapter's platform id
 * @returns the settings with defaults applied, every key present
 * @throws ValidationError listing every invalid setting
 *
 * @example
 * ```ts
 * const resolved = resolveSettings(XSettingsSchema, settings, 'X adapter settings', 'x');
 * resolved.timeoutMs; // undefined when not set: the HTTP client's default applies
 * ```
 */
export function resolveSettings<Schema extends z.ZodMiniObject>(
  schema: Schema,
  settings: unknown,
  subject: string,
  platform: string,
): ResolvedSettings<Schema> {
  const parsed = parseModel(schema, settings, subject, { platform });
  const unset = Object.fromEntries(Object.keys(schema.def.shape).map((key) => [key, undefined]));
  return { ...unset, ...parsed } as ResolvedSettings<Schema>;
}
