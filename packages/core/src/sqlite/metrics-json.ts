import type { PublishedPostRecord } from '../app/metrics-store.js';
import type { MetricSample } from '../models/metric-sample.js';

/** A post record as stored: its JSON (the date as an ISO string). */
export function postToJson(post: PublishedPostRecord): string {
  return JSON.stringify(post);
}

/** A post record read back from its JSON. */
export function postFromJson(json: string): PublishedPostRecord {
  const stored = JSON.parse(json) as Omit<PublishedPostRecord, 'publishedAt'> & { publishedAt?: string };
  const { publishedAt, ...rest } = stored;
  return publishedAt === undefined ? rest : { ...rest, publishedAt: new Date(publishedAt) };
}

/** A sample as stored: its JSON (instants as ISO strings). */
export function sampleToJson(sample: MetricSample): string {
  return JSON.stringify(sample);
}

/** A sample read back from its JSON. */
export function sampleFromJson(json: string): MetricSample {
  const stored = JSON.parse(json) as Omit<MetricSample, 'observedAt' | 'periodStart'> & {
    observedAt: string;
    periodStart?: string;
  };
  const { observedAt, periodStart, ...rest } = stored;
  return {
    ...rest,
    observedAt: new Date(observedAt),
    ...(periodStart === undefined ? {} : { periodStart: new Date(periodStart) }),
  };
}
