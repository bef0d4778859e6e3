import type { Approval } from '../models/approval.js';
import type { ScheduleEntry } from '../models/schedule-entry.js';
import type { ScheduleStatus } from '../models/schedule-status.js';
import type { EntryPatch } from './schedule-store.js';

/** Who submits a draft. */
export interface SubmitRequest {
  /** Who asks (a user id or e-mail address), kept as `approval.requestedBy`. */
  readonly by: string;
}

/** An approver's decision. */
export interface ApprovalDecision {
  /** Who decides, kept as `approval.decidedBy`. */
  readonly by: string;
  /** A note for the team (why it was rejected, what to change). */
  readonly note?: string | undefined;
}

/**
 * The states each approval step starts from: a draft is submitted; an entry awaiting approval
 * is approved or rejected.
 */
export const APPROVAL_STEPS = {
  submit: ['draft'],
  approve: ['awaiting_approval'],
  reject: ['awaiting_approval'],
} as const satisfies Record<string, readonly ScheduleStatus[]>;

/**
 * Whether an entry needs an approver before it may be published. An entry planned with
 * `approval: 'required'` carries an `approval` record from the start (empty while a draft), so the
 * requirement survives in every store.
 */
export function needsApproval(entry: ScheduleEntry): boolean {
  return entry.approval !== undefined;
}

/**
 * A draft submitted: awaiting approval when it needs one (who asked and when recorded), else
 * scheduled at once.
 *
 * @param entry - the draft
 * @param request - who submits it
 * @param at - now
 * @returns the patch
 */
export function submitPatch(entry: ScheduleEntry, request: SubmitRequest, at: Date): EntryPatch {
  if (!needsApproval(entry)) return { status: 'scheduled' };
  return { status: 'awaiting_approval', approval: { requestedBy: request.by, requestedAt: at } };
}

/**
 * An approver's decision recorded on the entry: approved → `scheduled`, rejected → `rejected`.
 *
 * @param entry - the entry awaiting approval
 * @param decision - who decided, and a note
 * @param verdict - approved or rejected
 * @param at - now
 * @returns the patch
 */
export function decisionPatch(
  entry: ScheduleEntry,
  decision: ApprovalDecision,
  verdict: 'approved' | 'rejected',
  at: Date,
): EntryPatch {
  const approval: Approval = {
    ...entry.approval,
    decision: verdict,
    decidedBy: decision.by,
    decidedAt: at,
    ...(decision.note === undefined ? {} : { note: decision.note }),
  };
  return { status: verdict === 'approved' ? 'scheduled' : 'rejected', approval };
}

/**
 * Why an entry that was due while still a draft or awaiting approval was not published.
 *
 * @param entry - the entry
 * @returns the entry's error
 */
export function notApprovedError(entry: ScheduleEntry): { code: string; message: string } {
  const asked =
    entry.approval?.requestedBy === undefined ? '' : ` (approval was asked by ${entry.approval.requestedBy})`;
  const where = entry.status === 'draft' ? 'still a draft' : `still awaiting approval${asked}`;
  return {
    code: 'not_approved',
    message: `Not published: the entry was not approved by its time ${entry.publishAt.toISOString()}; it was ${where}. Reschedule it to a later time and have it approved before then.`,
  };
}
