/**
 * Whether a pool's balances were paired with the right tokens.
 *
 * graph-node serves a list of entity references (`inputTokens { … }`) as a collection ordered by
 * id, not in the order the subgraph stored it, while a list of scalars (`inputTokenBalances`)
 * keeps its stored order (BeanstalkFarms/Beanstalk PR #959 added a token-order field to its Well
 * entity for this reason). Messari's subgraph SDK therefore stores `inputTokens` sorted by address
 * and reorders the parallel arrays to match (`sortBytesArray`, `sortArrayByReference` in
 * messari/subgraphs subgraphs/_reference_/src/sdk/util/arrays.ts), and for subgraphs that follow
 * it pairing by position is right. A mapping that stored its tokens in another order pairs wrongly
 * and nothing in the response says so, except the value: balances put against the wrong token are
 * mis-scaled by the difference in decimals and price, so their sum at token prices lands far from
 * the pool's own `totalValueLockedUSD`. A sum within a factor of two passes (TVL is computed at the
 * prices of the pool's last event, which drift from the tokens' latest price); swapping tokens of
 * equal decimals and price (USDC/USDT) is not caught, and does not change the rows either.
 */

/** How far Σ balance·price may stray from the pool's TVL before the pairing is refused. */
export const PAIRING_TOLERANCE = 2;

/** Null when the balances' value agrees with the pool's TVL (or the TVL is 0: nothing to compare), else the problem. */
export function pairingProblem(balancesUsd: number, tvlUsd: number): string | null {
  if (tvlUsd === 0 || balancesUsd === 0) return null;
  const ratio = balancesUsd / tvlUsd;
  if (ratio <= PAIRING_TOLERANCE && ratio >= 1 / PAIRING_TOLERANCE) return null;
  return (
    `inputTokenBalances at token prices are worth ${balancesUsd.toExponential(3)} USD against totalValueLockedUSD ${tvlUsd.toExponential(3)}: ` +
    'the balances do not pair with inputTokens as graph-node orders them (by id); the subgraph stores its tokens in another order'
  );
}
