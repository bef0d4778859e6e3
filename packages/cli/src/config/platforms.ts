/** The platforms the CLI has adapters (and simulators) for. */
export const PLATFORMS = ['x', 'instagram', 'facebook', 'linkedin', 'tiktok'] as const;

/** One of {@link PLATFORMS}. */
export type Platform = (typeof PLATFORMS)[number];

/** Whether `value` names one of {@link PLATFORMS}. */
export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}
