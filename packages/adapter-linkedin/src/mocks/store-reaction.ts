import type { LinkedInSimContext, SimulatedReaction } from './context.js';

/**
 * A reaction's URN as LinkedIn composes it, `urn:li:reaction:({actor},{entity})`: a reaction is
 * keyed by who reacted and to what
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).
 */
export function reactionUrn(actor: string, entity: string): string {
  return `urn:li:reaction:(${actor},${entity})`;
}

/**
 * Stores `actor`'s reaction on `entity` (a post or comment), replacing the one it had there: one
 * reaction per actor and entity, as its URN says. Keeps the engagement record of `entity` in step
 * (see {@link syncLiked}).
 *
 * @returns the stored reaction
 */
export function storeReaction(
  context: LinkedInSimContext,
  entity: string,
  reaction: Omit<SimulatedReaction, 'id'>,
): SimulatedReaction {
  const stored: SimulatedReaction = { id: reactionUrn(reaction.actor, entity), ...reaction };
  const others = (context.reactions.get(entity) ?? []).filter((each) => each.actor !== reaction.actor);
  context.reactions.set(entity, [...others, stored]);
  syncLiked(context, entity);
  return stored;
}

/**
 * Removes `actor`'s reaction on `entity`.
 *
 * @returns whether there was one
 */
export function removeReaction(context: LinkedInSimContext, entity: string, actor: string): boolean {
  const reactions = context.reactions.get(entity) ?? [];
  const kept = reactions.filter((each) => each.actor !== actor);
  if (kept.length === reactions.length) return false;
  context.reactions.set(entity, kept);
  syncLiked(context, entity);
  return true;
}

/**
 * Marks the engagement record of `entity` (a seeded comment or mention) `liked` while the account
 * it addresses has a reaction on it, so tests and the conformance suite can read the like off
 * `sim.engagements` as they read `hidden`.
 */
function syncLiked(context: LinkedInSimContext, entity: string): void {
  const engagement = context.sim.engagements.get(entity);
  if (engagement === undefined) return;
  const reactions = context.reactions.get(entity) ?? [];
  engagement.liked = reactions.some((each) => each.actor === engagement.accountId);
}
