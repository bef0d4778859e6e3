import type { Capabilities } from '../adapter/capabilities.js';
import type { SmmkitError } from '../errors/smmkit-error.js';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error.js';
import { ValidationError } from '../errors/validation-error.js';

/**
 * Checks a native-scheduling request (`PublishOptions.scheduledFor`) against the adapter's
 * `capabilities.nativeScheduling` before anything is queued: the platform must schedule posts,
 * and the instant must lie in its lead window from now (Facebook: 10 minutes to 30 days).
 *
 * @param capabilities - the target adapter's capabilities
 * @param platform - its platform id, for the message
 * @param scheduledFor - when the post should go live
 * @param now - epoch ms
 * @returns the refusal, or `undefined` when the request may go to the adapter
 */
export function scheduledForRefusal(
  capabilities: Capabilities,
  platform: string,
  scheduledFor: Date,
  now: number,
): SmmkitError | undefined {
  const native = capabilities.nativeScheduling;
  if (native === false) {
    return new UnsupportedCapabilityError('native scheduling (scheduledFor)', {
      platform,
      hint: `${platform} cannot hold a post for later: publish without scheduledFor at the time instead (the scheduler does this when an entry is not native).`,
    });
  }
  const at = scheduledFor.getTime();
  if (Number.isNaN(at)) {
    return new ValidationError(
      [{ path: ['scheduledFor'], rule: 'scheduledFor.instant', message: 'must be a valid Date' }],
      'publish options',
      { platform },
    );
  }
  const leadSeconds = Math.floor((at - now) / 1000);
  if (leadSeconds >= native.minLeadSeconds && leadSeconds <= native.maxLeadSeconds) return undefined;
  const limit = leadSeconds < native.minLeadSeconds ? native.minLeadSeconds : native.maxLeadSeconds;
  return new ValidationError(
    [
      {
        path: ['scheduledFor'],
        rule: leadSeconds < native.minLeadSeconds ? 'scheduledFor.min_lead' : 'scheduledFor.max_lead',
        message: `is ${describeLead(leadSeconds)} from now; ${platform} schedules posts from ${describeLead(native.minLeadSeconds)} to ${describeLead(native.maxLeadSeconds)} ahead. Pick an instant in that window, or publish at the time without scheduledFor.`,
        limit,
        actual: leadSeconds,
      },
    ],
    'publish options',
    { platform },
  );
}

/** A lead in seconds as a person reads it (`-30 s`, `3 min`, `30 days`). */
function describeLead(seconds: number): string {
  const abs = Math.abs(seconds);
  const sign = seconds < 0 ? '-' : '';
  if (abs >= 86_400 && abs % 86_400 === 0) return `${sign}${abs / 86_400} days`;
  if (abs >= 3_600 && abs % 3_600 === 0) return `${sign}${abs / 3_600} h`;
  if (abs >= 60) return `${sign}${Math.floor(abs / 60)} min`;
  return `${sign}${abs} s`;
}
