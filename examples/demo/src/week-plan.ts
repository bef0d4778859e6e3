import type { Post } from '@smmkit/core';
import { CAMPAIGN } from './campaign.ts';

/** The team's zone: the calendar is printed in it. */
export const TEAM_ZONE = 'Europe/Berlin';

/** The X account's audience is in Berlin, the Mastodon account's in New York. */
export const QUEUES = {
  x: { zone: 'Europe/Berlin', slots: ['Mon-Fri 09:00', 'Tue,Thu 17:30'] },
  mastodon: { zone: 'America/New_York', slots: ['Mon-Fri 08:30', 'Sat 10:00'] },
} as const;

/** Planning happens on Sunday 29 March 2026 at 20:00 in Berlin (Berlin went to summer time that night). */
export const PLANNED_AT = Date.parse('2026-03-29T18:00:00.000Z');

/** The week runs until Monday 6 April 2026, 00:00 in Berlin. */
export const WEEK_END = Date.parse('2026-04-05T22:00:00.000Z');

/** The client looks at what awaits approval on Tuesday 31 March at 11:00 in Berlin. */
export const REVIEW_AT = Date.parse('2026-03-31T09:00:00.000Z');

/** Who plans and who approves. */
export const PEOPLE = { planner: 'ana@linen.example', client: 'client@linen.example' } as const;

const post = (text: string, tags: readonly string[]): Post => ({ text, campaign: CAMPAIGN, tags: [...tags] });

/** Posts that take each account's next free queue slot, in this order. */
export const QUEUED: readonly { readonly label: string; readonly post: Post }[] = [
  { label: 'queue 1', post: post('Behind the seams: meet the cutters of the linen line 🧵', ['story']) },
  {
    label: 'queue 2',
    post: post('Care tip: wash linen cold and hang it to dry, it softens every time', ['tips']),
  },
  {
    label: 'queue 3',
    post: post('From flax to jacket in 38 days: the making of our spring line', ['story']),
  },
  {
    label: 'queue 4',
    post: post('Customer photo of the week: the Oat jacket on the Baltic coast 🌊', ['community']),
  },
];

/** A post every Monday, Wednesday and Friday at 12:00 in New York (RFC 5545 RRULE). */
export const RECURRING = {
  label: 'lunch tip',
  post: post('Lunch-break tip: roll linen sleeves twice, never iron the creases out 👕', ['tips']),
  rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
  start: { at: '2026-03-30T12:00', zone: 'America/New_York' },
} as const;

/** Entries that need the client's approval, and what becomes of each. */
export const NEEDS_APPROVAL = {
  /** A draft the planner submits; the client approves it on Tuesday. */
  approved: {
    label: 'sale',
    post: post('This weekend only: 20 % off every linen shirt 🌸 https://shop.example.com/spring', ['promo']),
    at: { at: '2026-04-02T10:00', zone: 'Europe/Berlin' },
    platform: 'x',
  },
  /** The client rejects it on Tuesday, with a note. */
  rejected: {
    label: 'teaser',
    post: post('Something big is coming on Friday 👀', ['promo']),
    at: { at: '2026-04-03T17:00', zone: 'America/New_York' },
    platform: 'mastodon',
    note: 'Too vague: say what it is, or leave it out',
  },
  /** Nobody decides in time: at its time it is not published, and says why. */
  undecided: {
    label: 'easter hours',
    post: post('Easter weekend: the workshop shop is open Saturday 10–14', ['info']),
    at: { at: '2026-04-04T09:00', zone: 'Europe/Berlin' },
    platform: 'x',
  },
} as const;
