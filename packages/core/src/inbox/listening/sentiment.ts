import Sentiment from 'sentiment';

/**
 * Scores a text's sentiment: below 0 is negative, above 0 positive. The inbox's rules compare
 * it with their thresholds; pass your own (a VADER port, a hosted model) to `createInbox`'s
 * `sentiment` option, scaled like {@link afinnSentiment} or with thresholds to match.
 */
export type SentimentScorer = (text: string) => number;

let analyzer: Sentiment | undefined;

/**
 * The default {@link SentimentScorer}: the sum of the AFINN-165 valences (−5 … +5 per word) and
 * Emoji Sentiment Ranking scores of a text's words and emoji, a word after a negator (`not`,
 * `don't`, `isn't` …) counting with the opposite sign, from the `sentiment` package. English
 * only; a text with no rated word scores 0. "This is terrible" scores −3, "not bad" +3.
 *
 * @param text - the text
 * @returns the score
 *
 * @example
 * ```ts
 * afinnSentiment('Unacceptable. Cancel my subscription'); // -3
 * afinnSentiment('Love it 😍'); // 6
 * ```
 */
export function afinnSentiment(text: string): number {
  // Made on first use, so importing the inbox costs nothing until a rule needs a score.
  analyzer ??= new Sentiment();
  // Never pass `extras`: the package merges them into its shared word list for good.
  return analyzer.analyze(text).score;
}
