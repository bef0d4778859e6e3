import * as z from 'zod/mini';
import { InstantSchema } from './instant.js';

/**
 * Who asked for approval of a schedule entry and who decided, when, and how (agencies have a
 * client approve posts before they are scheduled).
 *
 * @example
 * ```ts
 * const approval: ApprovalInput = { requestedBy: 'ana', requestedAt: '2026-04-30T10:00:00Z', decision: 'approved', decidedBy: 'client@example.com' };
 * ```
 */
export const ApprovalSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Who asked for approval. */
    requestedBy: z.optional(z.string()),
    /** When approval was asked for. */
    requestedAt: z.optional(InstantSchema),
    /** Who decided. */
    decidedBy: z.optional(z.string()),
    /** When the decision was made. */
    decidedAt: z.optional(InstantSchema),
    /** The decision, once made. */
    decision: z.optional(z.enum(['approved', 'rejected'])),
    /** A note from the approver, e.g. why it was rejected. */
    note: z.optional(z.string()),
  }))();

/** Approval details as parsed (instants as `Date`). */
export interface Approval extends z.output<typeof ApprovalSchema> {}

/** Approval details as a user may write them (instants as `Date` or ISO string). */
export type ApprovalInput = z.input<typeof ApprovalSchema>;
