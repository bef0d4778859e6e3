import { describe, expect, it } from 'vitest';
import { useFacebook } from '../support/harness.js';

const h = useFacebook({ videoChunkBytes: 4 });

/** What the video host answers: a phase's fields, or Graph's error. */
interface VideosBody {
  readonly upload_session_id?: string;
  readonly video_id?: string;
  readonly error?: { readonly message: string };
  readonly [field: string]: unknown;
}

/** One `POST /{v}/{page-id}/videos` on the video host as `page`, the parameters as a multipart form. */
async function videos(fields: Record<string, string | Blob>, page = h.acme) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const response = await fetch(`${h.facebook.videoHost.baseUrl}/v26.0/${page.account.id}/videos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${page.accessToken}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as VideosBody };
}

const chunk = (size: number) => new Blob([new Uint8Array(size).fill(1)]);

describe('the video host resumable upload session', () => {
  it('takes chunks at the offset it names, finishes once every byte came, and then forgets the session', async () => {
    const start = await videos({ upload_phase: 'start', file_size: '6' });
    expect(start.body).toMatchObject({ start_offset: '0', end_offset: '4' });
    const session = start.body.upload_session_id ?? '';

    const early = await videos({ upload_phase: 'finish', upload_session_id: session });
    expect(early.body.error?.message).toBe('(#100) The upload is incomplete: 0 of 6 bytes received');
    const wrongOffset = await videos({
      upload_phase: 'transfer',
      upload_session_id: session,
      start_offset: '2',
      video_file_chunk: chunk(4),
    });
    expect(wrongOffset.body.error?.message).toBe(
      '(#100) start_offset 2 does not match the upload session (expected 0)',
    );
    const first = await videos({
      upload_phase: 'transfer',
      upload_session_id: session,
      start_offset: '0',
      video_file_chunk: chunk(4),
    });
    expect(first.body).toEqual({ start_offset: '4', end_offset: '6' });
    const tooLong = await videos({
      upload_phase: 'transfer',
      upload_session_id: session,
      start_offset: '4',
      video_file_chunk: chunk(4),
    });
    expect(tooLong.body.error?.message).toBe('(#100) The chunk runs past file_size (6 bytes)');
    const last = await videos({
      upload_phase: 'transfer',
      upload_session_id: session,
      start_offset: '4',
      video_file_chunk: chunk(2),
    });
    expect(last.body).toEqual({ start_offset: '6', end_offset: '6' });

    expect((await videos({ upload_phase: 'finish', upload_session_id: session })).body).toEqual({
      success: true,
    });
    const video = await fetch(`${h.facebook.baseUrl}/v26.0/${start.body.video_id}?fields=id`, {
      headers: { authorization: `Bearer ${h.acme.accessToken}` },
    });
    expect(await video.json()).toEqual({ id: start.body.video_id });
    const again = await videos({ upload_phase: 'finish', upload_session_id: session });
    expect([again.status, again.body.error?.message]).toEqual([400, '(#100) Invalid upload_session_id']);
  });

  it("does not let another Page use a Page's session", async () => {
    const start = await videos({ upload_phase: 'start', file_size: '4' });
    const other = await videos(
      { upload_phase: 'finish', upload_session_id: start.body.upload_session_id ?? '' },
      h.other,
    );
    expect(other.body.error?.message).toBe('(#100) Invalid upload_session_id');
  });
});
