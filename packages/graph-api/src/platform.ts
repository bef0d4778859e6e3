/**
 * The platforms the Graph API layer serves: Facebook Pages (`graph.facebook.com`) and Instagram
 * professional accounts (`graph.facebook.com` with Facebook Login, `graph.instagram.com` with
 * Instagram Login). Errors, settings problems and HTTP calls are stamped with it.
 */
export type GraphPlatform = 'facebook' | 'instagram';

/** How messages name a platform (`Instagram webhook payload`). */
export function platformName(platform: GraphPlatform): string {
  return platform === 'facebook' ? 'Facebook' : 'Instagram';
}
