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
 * reaction per actor and entity, as its URN says. Any reaction is a like in testkit's
 * `sim.likes`, so the engagement record of `entity` is `liked` while the account it addresses has
 * a reaction on it, and tests and the conformance suite read the like off `sim.engagements` as
 * they read `hidden`.
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
  context.sim.likes.set(entity, reaction.actor, true);
  return stored;
}

/**
 * Removes `actor`'s reaction on `entity` (and its like in `sim.likes`).
 *
 * @returns whether there was one
 */
export function removeReaction(context: LinkedInSimContext, entity: string, actor: string): boolean {
  const reactions = context.reactions.get(entity) ?? [];
  const kept = reactions.filter((each) => each.actor !== actor);
  if (kept.length === reactions.length) return false;
  context.reactions.set(entity, kept);
  context.sim.likes.set(entity, actor, false);
  return true;
}
