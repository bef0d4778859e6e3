import type { ValidationProblem } from '../errors/validation-error.js';
import type { Adapter } from './adapter.js';

/**
 * The adapters by platform, one each, as the publisher and the inbox take them: every adapter
 * after the first of its platform is a problem (`<owner>.adapter_twice`, at
 * `['adapters', index, 'platform']`), added to `problems`.
 *
 * @param adapters - the adapters as given
 * @param owner - who takes them, for the rule and the message (`publisher`, `inbox`)
 * @param problems - where a second adapter of a platform is told
 * @returns the first adapter of each platform, by platform
 */
export function adaptersByPlatform(
  adapters: readonly Adapter[],
  owner: 'publisher' | 'inbox',
  problems: ValidationProblem[],
): Map<string, Adapter> {
  const byPlatform = new Map<string, Adapter>();
  adapters.forEach((adapter, index) => {
    if (!byPlatform.has(adapter.platform)) {
      byPlatform.set(adapter.platform, adapter);
      return;
    }
    problems.push({
      path: ['adapters', index, 'platform'],
      rule: `${owner}.adapter_twice`,
      message: `a second adapter for platform "${String(adapter.platform).slice(0, 80)}": the ${owner} takes one adapter per platform; pass each platform's adapter once`,
    });
  });
  return byPlatform;
}
