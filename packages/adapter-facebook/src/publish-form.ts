/** A Graph parameter as a form carries it; `undefined` ones are left out. */
export type FormValue = string | number | boolean | undefined;

/**
 * A multipart body for a Graph call that carries a file: each parameter as a text field and the
 * file as a part named `fileField` (Graph takes parameters as multipart form fields, the way its
 * upload examples send them with `curl -F`; https://developers.facebook.com/docs/graph-api/video-uploads).
 *
 * @param fields - the parameters; `undefined` ones are left out, others are written as text
 * @param fileField - the part the bytes go in (`source`, `video_file_chunk`)
 * @param file - the bytes
 * @param fileName - the file name the part declares
 * @returns the form, for `HttpRequest.body`
 *
 * @example
 * ```ts
 * const body = graphFormData({ published: false }, 'source', await readMediaBlob(photo), 'photo.jpg');
 * ```
 */
export function graphFormData(
  fields: Readonly<Record<string, FormValue>>,
  fileField: string,
  file: Blob,
  fileName: string,
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) form.set(name, String(value));
  }
  form.set(fileField, file, fileName);
  return form;
}

/** A file name for an upload's part, from its MIME type (`video/mp4` → `upload.mp4`); Graph reads the type from the bytes. */
export function uploadFileName(mimeType: string): string {
  const subtype =
    mimeType
      .split('/')[1]
      ?.replace(/^x-/, '')
      .replace(/[^a-z0-9]/gi, '') ?? '';
  return subtype === '' ? 'upload' : `upload.${subtype === 'quicktime' ? 'mov' : subtype}`;
}
