import type { GraphRoute } from '@smmkit/graph-api/mocks';
import type { PlatformSimulator, SimulatedMedia } from '@smmkit/testkit';

/** What the Facebook simulator's routes share. */
export interface FacebookContext {
  /** The simulator state: Pages are accounts, the Page token is the account's token. */
  readonly sim: PlatformSimulator;
  /** Registers a Graph route (any version, parameters from anywhere, budgets and usage headers). */
  readonly route: GraphRoute;
}

/**
 * The MIME type of a photo fetched from `url`, read from its extension; JPEG when it has none
 * the simulator knows (Meta accepts JPEG, PNG, GIF, BMP and TIFF;
 * https://developers.facebook.com/docs/graph-api/reference/page/photos/).
 */
export function photoMimeType(url: string): string {
  const extension = new URL(url).pathname.split('.').pop()?.toLowerCase();
  if (extension === 'png') return 'image/png';
  if (extension === 'gif') return 'image/gif';
  if (extension === 'bmp') return 'image/bmp';
  if (extension === 'tif' || extension === 'tiff') return 'image/tiff';
  return 'image/jpeg';
}

/** An uploaded photo that belongs to `pageId` and is not in a post yet, or `undefined`. */
export function unpublishedPhoto(
  context: FacebookContext,
  id: string,
  pageId: string,
): SimulatedMedia | undefined {
  const media = context.sim.media.get(id);
  return media?.accountId === pageId ? media : undefined;
}
