import { ValidationError } from '@smmkit/core';

/**
 * The account ids the publishing tools (`publish`, `schedule`, `inbox_reply`) may act for. Empty
 * by default: then those tools are not offered at all, and the server only reads and validates.
 */
export class AllowList {
  readonly #ids: ReadonlySet<string>;

  /** @param ids - the app's account ids (`brand-x`), as given to `--allow` */
  constructor(ids: Iterable<string>) {
    this.#ids = new Set(ids);
  }

  /** Whether any account may be published to. */
  get isEmpty(): boolean {
    return this.#ids.size === 0;
  }

  /** The ids, sorted, for tool descriptions. */
  get ids(): readonly string[] {
    return [...this.#ids].sort();
  }

  /** Whether `id` is on the list. */
  allows(id: string): boolean {
    return this.#ids.has(id);
  }

  /**
   * Refuses ids that are not on the list, every one at once, before anything is sent.
   *
   * @param ids - the account ids a call would act for
   * @param pathOf - where the id at `index` is in the tool's input (`['to', index]`)
   * @throws ValidationError (rule `mcp.not_allowed`) naming each id that is not allowed
   */
  check(ids: readonly string[], pathOf: (index: number) => readonly (string | number)[]): void {
    const problems = ids.flatMap((id, index) =>
      this.#ids.has(id)
        ? []
        : [
            {
              path: pathOf(index),
              rule: 'mcp.not_allowed',
              message: `account "${id}" is not on this MCP server's allow list`,
              actual: id,
            },
          ],
    );
    if (problems.length > 0) {
      throw new ValidationError(problems, 'request', {
        hint:
          'The publishing tools act only for the account ids smmkit-mcp was started with (--allow, in the ' +
          "MCP host's config). Nothing was sent. Ask the person who runs the server to add the account.",
      });
    }
  }
}
