import type { Media, Post } from '@smmkit/core';

/** One post of the campaign and the name the demo prints for it. */
export interface CampaignPost {
  /** A short name for the progress lines. */
  readonly label: string;
  /** The post. */
  readonly post: Post;
}

/** The campaign every post belongs to (a rollup dimension). */
export const CAMPAIGN = 'spring-26';

/** Bytes that stand in for a file: the simulators check sizes and types, not pixels. */
function fakeFile(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

function image(seed: number, altText: string): Media {
  return {
    kind: 'image',
    mimeType: 'image/jpeg',
    source: { type: 'bytes', bytes: fakeFile(48 * 1024, seed) },
    altText,
    width: 1600,
    height: 1200,
  };
}

/**
 * A small launch campaign: a thread telling the story, then a text post with a link, a post with
 * two images, a video, a poll and a lookbook as a PDF. Each is published to every platform that
 * can take it, all queued at once.
 */
export const CAMPAIGN_POSTS: readonly CampaignPost[] = [
  {
    label: 'thread',
    post: {
      text: 'How we made the linen line, in three steps 🧵',
      thread: [
        { text: '1/ The flax comes from a cooperative two hours from the workshop.' },
        { text: '2/ Every jacket is cut from one piece of cloth, so nothing is wasted.' },
        { text: '3/ Questions? Ask below, we answer every one.' },
      ],
      campaign: CAMPAIGN,
      tags: ['story'],
      contentClass: 'value',
    },
  },
  {
    label: 'announcement',
    post: {
      text: 'Our spring collection is live 🌸',
      link: 'https://shop.example.com/spring',
      campaign: CAMPAIGN,
      tags: ['launch'],
      contentClass: 'promotion',
    },
  },
  {
    label: 'lookbook',
    post: {
      text: 'Three jackets, one rail: a first look at the linen line.',
      media: [image(1, 'Three linen jackets on a rail'), image(2, 'A linen jacket, close-up of the weave')],
      campaign: CAMPAIGN,
      tags: ['lookbook'],
      contentClass: 'value',
    },
  },
  {
    label: 'video',
    post: {
      text: 'Twelve seconds behind the scenes of the spring shoot 🎬',
      media: [
        {
          kind: 'video',
          mimeType: 'video/mp4',
          source: { type: 'bytes', bytes: fakeFile(256 * 1024, 3) },
          altText: 'The team setting up lights in a greenhouse',
          durationSec: 12,
          width: 1280,
          height: 720,
          fps: 30,
        },
      ],
      campaign: CAMPAIGN,
      tags: ['video'],
      contentClass: 'value',
    },
  },
  {
    label: 'poll',
    post: {
      text: 'Which colour should the next linen jacket come in?',
      poll: { options: ['Sand', 'Sage', 'Indigo'], durationMinutes: 1440 },
      campaign: CAMPAIGN,
      tags: ['poll'],
      contentClass: 'value',
    },
  },
  {
    label: 'deck',
    post: {
      text: 'The whole linen line in twelve pages: fabrics, fits and care.',
      title: 'Spring 26 lookbook',
      media: [
        {
          kind: 'document',
          mimeType: 'application/pdf',
          source: { type: 'bytes', bytes: fakeFile(96 * 1024, 4) },
        },
      ],
      campaign: CAMPAIGN,
      tags: ['lookbook'],
      contentClass: 'value',
    },
  },
];
