import type { ContagionOptions } from './contagion-cascade.js';

/**
 * What a run of the contagion solver assumed, in one sentence, printed with every result: which
 * frictions were modelled and which were left at the reference cascade's worst case.
 */
export function describeModel(options: Partial<ContagionOptions> | undefined): string {
  const o = options ?? {};
  const parts: string[] = [
    o.liquidity === 'curves'
      ? "forced sales routed across each asset's indexed venues (Uniswap v3 ticks, Curve StableSwap, constant product), priced on their depth curves"
      : "forced sales priced on one constant-product pool per asset (each asset's on-chain DEX depth)",
  ];
  const alpha = o.arbitrageInflow ?? 0;
  parts.push(alpha > 0 ? `arbitrage closes ${(alpha * 100).toFixed(0)}% of the gap to the outside price after each round` : 'no arbitrage inflow between rounds');
  parts.push(
    o.liquidatorCapacity
      ? `liquidator capital per round ${o.liquidatorCapacity.multiplier}× the largest repayment each liquidator made in the history`
      : 'unlimited liquidator capital',
  );
  if (o.gas) parts.push(`gas at ${o.gas.priceGwei} gwei × ${o.gas.gasPerLiquidation.toLocaleString('en-US')} gas per liquidation`);
  const oracle = o.oracle ?? null;
  parts.push(
    oracle === null
      ? 'oracles equal to pool prices'
      : oracle.model === 'lag'
        ? `oracles ${oracle.lagRounds} round(s) behind the pools (${oracle.roundSeconds} s a round), starting from the pre-shock prices`
        : `Chainlink-style oracles (update at ${(oracle.deviationThreshold * 100).toFixed(2)}% deviation or every ${oracle.heartbeatSeconds} s; ${oracle.roundSeconds} s a round), starting from the pre-shock prices`,
  );
  if (o.insuranceFunds) parts.push('bad debt covered by insurance funds first, then socialised over suppliers');
  if (o.pricedSalesFrom) parts.push(`only ${o.pricedSalesFrom.join(', ')}'s forced sales move prices`);
  const derived = o.derivedPricing ?? null;
  if (derived !== null) {
    const pegs = Object.entries(derived.pegs);
    parts.push(
      `wrappers, LSTs, receipt and LP tokens priced from what they derive from${pegs.length > 0 ? ` (market pegs ${pegs.map(([s, m]) => `${s} ×${m}`).join(', ')})` : ''}, ` +
        (derived.valuation === 'exchange-rate'
          ? 'lending oracles at exchange rate × parent (blind to a depeg), liquidators selling at market'
          : 'lending oracles at market prices'),
    );
  }
  if (o.receiptContagion) parts.push("a protocol's bad debt beyond its insurance fund written off its receipt tokens wherever they are collateral");
  const worstCase = alpha === 0 && !o.liquidatorCapacity && !o.gas && (o.oracle ?? null) === null && o.liquidity !== 'curves';
  return `${parts.join('; ')}${worstCase ? ': an upper bound on price impact (docs/reference-cascade.md)' : ''}`;
}
