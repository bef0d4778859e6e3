/** Words for the file-system error codes a path given by the user runs into (Node's `error.code`). */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/**
 * Why a file could not be made or opened, in a few words: the reason for a known file-system
 * error code (https://nodejs.org/api/errors.html#common-system-errors), else the error's message.
 */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : REASONS[code];
  if (known !== undefined) return `${known}, ${code}`;
  return error instanceof Error ? error.message : String(error);
}
