import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SmmkitError } from '@smmkit/core';
import { describeFailure } from './failure-log.js';

/** What a tool hands back: a summary for people and models, and the same facts as data. */
export interface ToolOutput {
  /** A few lines a person (or a model) reads. */
  readonly text: string;
  /** The facts as JSON-ready data (instants become ISO strings); the tool's `structuredContent`. */
  readonly data: Record<string, unknown>;
  /** True when the call did nothing it was asked to (every target failed). */
  readonly isError?: boolean | undefined;
}

/**
 * Turns a value into plain JSON: `Date`s become ISO strings, smmkit errors their secret-free
 * `toJSON()`, `undefined` fields go.
 */
export function toJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A tool's output as MCP's result: the text, and the data as structured content. */
export function toolResult(output: ToolOutput): CallToolResult {
  return {
    content: [{ type: 'text', text: output.text }],
    structuredContent: toJson(output.data),
    ...(output.isError === true ? { isError: true } : {}),
  };
}

/**
 * A failure as a tool error: a smmkit error's message and hint (its message lists every
 * validation problem), then its secret-free JSON (code, problems, …) as a second text; anything
 * else by its name only, since its message may hold whatever the code that threw put there. No
 * `structuredContent`: MCP clients check it against the tool's output schema, which describes
 * success.
 */
export function errorResult(error: unknown): CallToolResult {
  if (SmmkitError.isInstance(error)) {
    return {
      content: [
        { type: 'text', text: `${error.message}\nHint: ${error.hint}` },
        { type: 'text', text: JSON.stringify({ error: error.toJSON() }) },
      ],
      isError: true,
    };
  }
  const name = error instanceof Error ? error.name : typeof error;
  return {
    content: [
      { type: 'text', text: `The smmkit MCP server failed unexpectedly (${name}); see its log (stderr).` },
    ],
    isError: true,
  };
}

/**
 * Runs a tool's work and answers with its result, or with the failure as a tool error (never a
 * thrown error, which the SDK would answer with the bare message).
 */
export async function runTool(work: () => Promise<ToolOutput>): Promise<CallToolResult> {
  try {
    return toolResult(await work());
  } catch (error) {
    // Its name, code and stack frames only: a message may hold a token (see describeFailure).
    if (!SmmkitError.isInstance(error))
      console.error(`smmkit-mcp: a tool failed unexpectedly: ${describeFailure(error)}`);
    return errorResult(error);
  }
}
