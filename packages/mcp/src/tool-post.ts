import { type Post, parsePost, ValidationError, type ValidationProblem } from '@smmkit/core';

/**
 * Reads a post given to a tool: `parsePost`'s checks, and media by URL only. A `file` source
 * would let whoever drives the server publish any file on this machine, and `bytes` and `stream`
 * sources cannot come as JSON, so the MCP server takes `{ type: 'url', url }` sources alone.
 *
 * @param input - the tool's `post` argument
 * @returns the post
 * @throws ValidationError listing every problem at once
 */
export function parseToolPost(input: unknown): Post {
  const post = parsePost(input);
  const problems: ValidationProblem[] = [];
  const check = (media: Post['media'], path: readonly (string | number)[]): void => {
    media?.forEach((item, index) => {
      if (item.source.type !== 'url') {
        problems.push({
          path: [...path, index, 'source', 'type'],
          rule: 'mcp.media_source',
          message: 'the MCP server takes media by URL only ({ "type": "url", "url": "https://…" })',
          actual: item.source.type,
        });
      }
    });
  };
  check(post.media, ['media']);
  post.thread?.forEach((part, index) => {
    check(part.media, ['thread', index, 'media']);
  });
  if (problems.length > 0) throw new ValidationError(problems, 'post');
  return post;
}
