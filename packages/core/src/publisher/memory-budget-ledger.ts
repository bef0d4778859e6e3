import { bucketKey } from './bucket-key.js';
import { BucketBudget } from './budget-learner.js';
import type { BudgetLedger, BudgetPolicy, BudgetWait } from './budget-ledger.js';

/**
 * The publisher's default {@link BudgetLedger}: one {@link BucketBudget} per budget, in this
 * process's memory, created when first used. Everything happens synchronously, so a check and
 * its booking can never be split by another request of the same process.
 *
 * @param policy - how budgets are spent (the publisher's resolved throttle options); it applies
 *   to every budget, whatever policy a `take` passes
 * @returns the ledger
 */
export function memoryBudgetLedger(policy: BudgetPolicy): BudgetLedger {
  const budgets = new Map<string, BucketBudget>();
  const budgetOf = (key: string): BucketBudget => {
    let budget = budgets.get(key);
    if (budget === undefined) {
      budget = new BucketBudget([], policy);
      budgets.set(key, budget);
    }
    return budget;
  };
  return {
    take: (slots, now) => {
      const taking: { budget: BucketBudget; units: number }[] = [];
      let longest: BudgetWait | undefined;
      slots.forEach((slot, index) => {
        const key = bucketKey(slot.id);
        if (slot.onlyIfKnown === true && !budgets.has(key)) return;
        const budget = budgetOf(key);
        budget.declare(slot.declared);
        taking.push({ budget, units: slot.units });
        const wait = budget.waitAt(now, slot.units);
        if (wait.delayMs > 0 && (longest === undefined || wait.delayMs > longest.delayMs)) {
          longest = { slot: index, delayMs: wait.delayMs, reason: wait.reason };
        }
      });
      if (longest !== undefined) return longest;
      for (const { budget, units } of taking) budget.recordSend(now, units);
      return undefined;
    },
    learn: (id, info) => {
      budgetOf(bucketKey(id)).learn(info);
    },
    pause: (id, until) => {
      budgetOf(bucketKey(id)).pause(until);
    },
  };
}
