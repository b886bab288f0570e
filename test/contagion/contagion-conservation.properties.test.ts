/**
 * Issue 5's conservation checks for the contagion solver with its options on: value is conserved
 * across every liquidation, write-down and socialisation, and the round trace, the events and the
 * totals tell the same story. Random ecosystems (test/helpers/random-ecosystem.ts) with random
 * option sets, and the embedded dataset (data/ecosystem) with every option on.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contagionCascade, prepareCascade, type CascadeSnapshot, type ContagionOptions, type ContagionResult } from '../../src/contagion/index.js';
import { loadScenarios, openSnapshot, type OpenedSnapshot } from '../../src/pipeline/index.js';
import { arbitraryEcosystem, uniformShock } from '../helpers/random-ecosystem.js';
import { toySnapshot, type ToyEcosystem } from '../helpers/toy-ecosystem.js';
import { arbitraryHistory, budgets, liquidationHistory, type LiquidationHistory, type PastLiquidation } from './liquidation-history.js';

const RUNS = { numRuns: 200, seed: 20260517 };
const close = (actual: number, expected: number, what: string, relative = 1e-9): void => {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(actual), Math.abs(expected)));
};
const cents = (usd: number): number => Math.sign(usd) * Math.round(Math.abs(usd) * 100);
const accountKey = (e: ContagionResult['events'][number]): string => `${e.protocol}\u0000${e.account}\u0000${e.market ?? ''}`;

/**
 * Every liquidation, every round and the totals agree (no other participants: every sale is a
 * recorded seizure). `numeraireDebt`: each protocol's debt at the start, when all debt is in an
 * asset whose price never moves — then debt is also conserved across rounds, account by account.
 */
function checkConserves(result: ContagionResult, numeraireDebt: Record<string, number> | null): void {
  const byRound = new Map<number, ContagionResult['events']>();
  for (const e of result.events) {
    // Debt before = repaid + written off + still owed; seized value = Σ pieces; repaid = Σ pieces' shares.
    close(e.repaidUsd + e.badDebtUsd + e.remainingDebtUsd, e.debtUsd, 'repaid + bad + remaining = debt');
    close(e.seized.reduce((s, p) => s + p.usd, 0), e.seizedUsd, 'Σ seized pieces = seizedUsd');
    close(e.seized.reduce((s, p) => s + p.repaidUsd, 0), e.repaidUsd, 'Σ pieces repaid = repaidUsd');
    for (const p of e.seized) close(p.usd, p.repaidUsd * (1 + p.bonus), 'piece = its repaid share × (1 + bonus)');
    expect(e.healthFactor).toBeLessThan(1);
    expect(e.badDebtUsd).toBeGreaterThanOrEqual(0);
    expect(e.repaidUsd).toBeLessThanOrEqual(e.closeFactor * e.debtUsd * (1 + 1e-12));
    if (e.badDebtUsd > 0) expect(e.remainingDebtUsd).toBe(0); // a write-off takes the rest
    byRound.set(e.round, [...(byRound.get(e.round) ?? []), e]);
  }
  // Each round's totals are its events' sums, by protocol and by asset sold.
  expect(result.trace.map((r) => r.round)).toEqual([...byRound.keys()]);
  for (const round of result.trace) {
    const events = byRound.get(round.round)!;
    expect(round.liquidations).toBe(events.length);
    close(round.seizedCollateralUsd, events.reduce((s, e) => s + e.seizedUsd, 0), `round ${round.round} seized`);
    close(round.badDebtUsd, events.reduce((s, e) => s + e.badDebtUsd, 0), `round ${round.round} bad debt`);
    close(round.liquidatedDebtUsd, events.reduce((s, e) => s + e.repaidUsd, 0), `round ${round.round} repaid`);
    for (const protocol of Object.keys(round.badDebtByProtocol)) {
      const mine = events.filter((e) => e.protocol === protocol);
      close(round.badDebtByProtocol[protocol]!, mine.reduce((s, e) => s + e.badDebtUsd, 0), `round ${round.round} ${protocol} bad debt`);
      close(round.liquidatedDebtUsdByProtocol[protocol]!, mine.reduce((s, e) => s + e.repaidUsd, 0), `round ${round.round} ${protocol} repaid`);
    }
    for (const [asset, units] of Object.entries(round.soldUnits)) {
      const seized = events.flatMap((e) => e.seized).filter((p) => p.asset === asset).reduce((s, p) => s + p.units, 0);
      close(units, seized, `round ${round.round} ${asset}: units sold = units seized`);
    }
  }
  // The totals are the rounds' sums.
  const protocols = Object.keys(result.badDebtByProtocol);
  for (const protocol of protocols) {
    close(result.badDebtByProtocol[protocol]!, result.trace.reduce((s, r) => s + r.badDebtByProtocol[protocol]!, 0), `${protocol} bad debt over rounds`);
    close(result.liquidatedDebtUsdByProtocol[protocol]!, result.trace.reduce((s, r) => s + r.liquidatedDebtUsdByProtocol[protocol]!, 0), `${protocol} repaid over rounds`);
    close(result.seizedCollateralUsdByProtocol[protocol]!, result.events.filter((e) => e.protocol === protocol).reduce((s, e) => s + e.seizedUsd, 0), `${protocol} seized`);
  }
  close(result.totalBadDebtUsd, protocols.reduce((s, q) => s + result.badDebtByProtocol[q]!, 0), 'total bad debt');
  close(result.seizedCollateralUsd, result.trace.reduce((s, r) => s + r.seizedCollateralUsd, 0), 'total seized');
  expect(result.liquidations).toBe(result.events.length);
  expect(result.latentBadDebtUsd).toBeGreaterThanOrEqual(0);
  expect(result.latentBadDebtUsd).toBeLessThanOrEqual(result.unliquidatedDebtUsd);
  if (numeraireDebt === null) return;
  // Debt in a fixed-price asset: an account's next liquidation starts from what the last one left,
  // a written-off account is never liquidated again, and per protocol debt at the start = still
  // owed + repaid + written off.
  const last = new Map<string, ContagionResult['events'][number]>();
  for (const e of result.events) {
    const before = last.get(accountKey(e));
    if (before !== undefined) {
      expect(before.badDebtUsd, 'liquidated again after a write-off').toBe(0);
      close(e.debtUsd, before.remainingDebtUsd, 'debt carried from the previous liquidation', 1e-9);
    }
    last.set(accountKey(e), e);
  }
  for (const [protocol, initial] of Object.entries(numeraireDebt)) {
    close(result.remainingDebtUsdByProtocol[protocol]! + result.liquidatedDebtUsdByProtocol[protocol]! + result.badDebtByProtocol[protocol]!, initial, `${protocol} debt before = after + repaid + bad debt`);
  }
}

/** Lending insurance: bad debt = insurance absorbed + socialised in integer cents, the fund first and never overdrawn. */
function checkInsurance(result: ContagionResult, fundUsd: Record<string, number>): void {
  expect(result.losses).not.toBeNull();
  for (const [protocol, split] of Object.entries(result.losses!)) {
    const fund = Number.isNaN(fundUsd[protocol]!) ? 0 : fundUsd[protocol]!;
    expect(cents(split.insuranceAbsorbedUsd) + cents(split.socialisedUsd), protocol).toBe(cents(split.badDebtUsd));
    expect(cents(split.insuranceAbsorbedUsd)).toBe(Math.min(cents(split.badDebtUsd), cents(fund)));
    expect(split.insuranceAbsorbedUsd).toBeLessThanOrEqual(fund + 0.005);
    expect(Math.abs(split.badDebtUsd - result.badDebtByProtocol[protocol]!)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(split.insuranceFundUsd).toBe(fund);
    expect(split.supplierHaircut).toBeGreaterThanOrEqual(0);
    expect(split.supplierHaircut).toBeLessThanOrEqual(1);
    if (split.socialisedUsd === 0) expect(split.supplierHaircut).toBe(0);
  }
}

/** Gas: a liquidation that books no bad debt paid its liquidator at least its gas at that round's ETH price. */
function checkGas(result: ContagionResult, gas: NonNullable<ContagionOptions['gas']>): void {
  const priceAt = new Map(result.trace.map((r) => [r.round, r.prices[gas.ethAsset]!]));
  for (const e of result.events) {
    if (e.badDebtUsd > 0) continue; // an insolvent account is closed whatever the gas
    const gasUsd = gas.priceGwei * 1e-9 * gas.gasPerLiquidation * priceAt.get(e.round)!;
    expect(e.seizedUsd - e.repaidUsd).toBeGreaterThanOrEqual(gasUsd - 1e-9 * Math.max(1, gasUsd));
  }
}

/** Capacity: per round, each protocol's liquidators repay at most their budgets (shared budgets: their sum bounds the lot). */
function checkCapacity(result: ContagionResult, protocols: readonly string[], liquidatorCount: number, past: readonly PastLiquidation[], capacity: NonNullable<ContagionOptions['liquidatorCapacity']>): void {
  const budget = budgets(liquidatorCount, past, capacity.multiplier);
  const serving = protocols.map((_, q) => [...new Set(past.filter((e) => e.protocol === q).map((e) => e.liquidator))]);
  const limited = protocols.filter((_, q) => serving[q]!.length > 0 || capacity.protocolsWithoutHistory === 'none');
  for (const round of result.trace) {
    let all = 0;
    protocols.forEach((protocol, q) => {
      if (!limited.includes(protocol)) return;
      const repaid = result.events.filter((e) => e.round === round.round && e.protocol === protocol).reduce((s, e) => s + e.repaidUsd, 0);
      const cap = serving[q]!.reduce((s, l) => s + budget[l]!, 0);
      expect(repaid, `round ${round.round} ${protocol}`).toBeLessThanOrEqual(cap * (1 + 1e-9) + 1e-9);
      all += repaid;
    });
    expect(all).toBeLessThanOrEqual(budget.reduce((s, b) => s + b, 0) * (1 + 1e-9) + 1e-9);
  }
}

const withFunds = (snapshot: CascadeSnapshot, funds: readonly number[]): CascadeSnapshot => ({
  ...snapshot,
  protocols: { ...snapshot.protocols, insuranceFundUsd: Float64Array.from(funds) },
});
const debtUsd = (toy: ToyEcosystem): number =>
  toy.accounts.reduce((s, a) => s + a.debt.reduce((t, d) => t + d.amount * toy.assets.find((x) => x.symbol === d.asset)!.priceUsd, 0), 0);
const debtByProtocol = (toy: ToyEcosystem): Record<string, number> => {
  const out: Record<string, number> = Object.fromEntries(toy.protocols.map((p) => [p.name, 0]));
  for (const a of toy.accounts) out[a.protocol] = out[a.protocol]! + a.debt.reduce((t, d) => t + d.amount * toy.assets.find((x) => x.symbol === d.asset)!.priceUsd, 0);
  return out;
};

/** A random ecosystem with a liquidation history (protocol 0's sometimes dropped), insurance funds, and a random set of options. */
const arbitraryCase = (riskyDebt: boolean) =>
  arbitraryEcosystem({ withPools: true, riskyDebt, maxAccounts: 30 }).chain((toy) => {
    const scale = debtUsd(toy);
    return fc.record({
      toy: fc.constant(toy),
      history: arbitraryHistory(toy.protocols.length, scale),
      dropFirstProtocolHistory: fc.boolean(),
      funds: fc.array(fc.oneof(fc.constant(NaN), fc.constant(0), fc.double({ min: 0, max: 0.2, noNaN: true }).map((s) => s * scale)), {
        minLength: toy.protocols.length, maxLength: toy.protocols.length,
      }),
      shock: fc.double({ min: 0.05, max: 1, noNaN: true }),
      options: fc.record({
        arbitrageInflow: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
        liquidatorCapacity: fc.option(fc.record({ multiplier: fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 5, noNaN: true })), protocolsWithoutHistory: fc.constantFrom('unlimited' as const, 'none' as const) }), { nil: null }),
        gas: fc.option(fc.record({ priceGwei: fc.double({ min: 0, max: 3_000, noNaN: true }), gasPerLiquidation: fc.constant(350_000), ethAsset: fc.constant('WETH') }), { nil: null }),
        oracle: fc.oneof(
          fc.constant(null),
          fc.record({ model: fc.constant('lag' as const), lagRounds: fc.integer({ min: 0, max: 3 }), roundSeconds: fc.constant(12) }),
          fc.constant({ model: 'chainlink' as const, deviationThreshold: 0.005, heartbeatSeconds: 3600, roundSeconds: 12 }),
        ),
      }),
    });
  });

type Case = ReturnType<typeof arbitraryCase> extends fc.Arbitrary<infer T> ? T : never;

function runCase(c: Case) {
  const snapshot = withFunds(toySnapshot(c.toy), c.funds);
  const past = c.dropFirstProtocolHistory ? c.history.past.filter((e) => e.protocol !== 0) : c.history.past;
  const history: LiquidationHistory = liquidationHistory(c.history.liquidatorCount, past);
  const options: Partial<ContagionOptions> = { ...c.options, insuranceFunds: true, recordEvents: true, maxRounds: 400 };
  const result = contagionCascade(prepareCascade(snapshot), uniformShock(c.shock), options, [], undefined, history);
  return { snapshot, past, result };
}

describe('contagion solver: value is conserved across every liquidation, write-down and socialisation, with the options on', () => {
  it('stablecoin debt: events, rounds and totals agree, debt is carried account by account, insurance + socialised = bad debt to the cent, gas and capacity respected', () => {
    fc.assert(
      fc.property(arbitraryCase(false), (c) => {
        const { snapshot, past, result } = runCase(c);
        checkConserves(result, debtByProtocol(c.toy));
        checkInsurance(result, Object.fromEntries(snapshot.protocols.name.map((n, q) => [n, snapshot.protocols.insuranceFundUsd[q]!])));
        if (c.options.gas !== null) checkGas(result, c.options.gas);
        if (c.options.liquidatorCapacity !== null) checkCapacity(result, snapshot.protocols.name, c.history.liquidatorCount, past, c.options.liquidatorCapacity);
        if (c.options.oracle === null) {
          // Seized units are priced at the round's pool prices.
          const prices = new Map(result.trace.map((r) => [r.round, r.prices]));
          for (const e of result.events) for (const p of e.seized) close(p.units * prices.get(e.round)![p.asset]!, p.usd, 'units × round price = piece value');
        }
      }),
      RUNS,
    );
  });

  it('debt in WETH and DAI too (prices of debt move): events, rounds, totals, insurance, gas and capacity still agree', () => {
    fc.assert(
      fc.property(arbitraryCase(true), (c) => {
        const { snapshot, past, result } = runCase(c);
        checkConserves(result, null);
        checkInsurance(result, Object.fromEntries(snapshot.protocols.name.map((n, q) => [n, snapshot.protocols.insuranceFundUsd[q]!])));
        if (c.options.gas !== null) checkGas(result, c.options.gas);
        if (c.options.liquidatorCapacity !== null) checkCapacity(result, snapshot.protocols.name, c.history.liquidatorCount, past, c.options.liquidatorCapacity);
      }),
      RUNS,
    );
  });

  it('zero shock ⇒ zero loss with every option on (no liquidation, no bad debt, nothing latent, nothing socialised, prices unmoved)', () => {
    fc.assert(
      fc.property(arbitraryCase(true), fc.constantFrom<Record<string, number>>({}, uniformShock(1)), (c, shocks) => {
        const snapshot = withFunds(toySnapshot(c.toy), c.funds);
        const history = liquidationHistory(c.history.liquidatorCount, c.history.past);
        const everything: Partial<ContagionOptions> = {
          arbitrageInflow: c.options.arbitrageInflow,
          liquidatorCapacity: c.options.liquidatorCapacity ?? { multiplier: 1, protocolsWithoutHistory: 'none' },
          gas: c.options.gas ?? { priceGwei: 50, gasPerLiquidation: 350_000, ethAsset: 'WETH' },
          insuranceFunds: true,
          oracle: c.options.oracle ?? { model: 'lag', lagRounds: 2, roundSeconds: 12 },
        };
        const result = contagionCascade(prepareCascade(snapshot), shocks, everything, [], undefined, history);
        expect(result.liquidations).toBe(0);
        expect(result.events).toEqual([]);
        expect(result.totalBadDebtUsd).toBe(0);
        expect(result.latentBadDebtUsd).toBe(0);
        expect(result.unliquidatedDebtUsd).toBe(0);
        expect(result.roundLimitReached).toBe(false);
        for (const split of Object.values(result.losses!)) expect([split.badDebtUsd, split.insuranceAbsorbedUsd, split.socialisedUsd, split.supplierHaircut]).toEqual([0, 0, 0, 0]);
        snapshot.assets.symbol.forEach((symbol, a) => expect(result.finalPrices[symbol]).toBe(snapshot.assets.priceUsd[a]));
      }),
      RUNS,
    );
  });
});

describe('contagion solver on the embedded dataset (data/ecosystem), every option on, lending accounts only', () => {
  let opened: OpenedSnapshot;
  beforeAll(async () => {
    opened = await openSnapshot({ db: ':memory:', seedEmbedded: true });
  });
  afterAll(() => opened.database.close());

  it.each(['eth-drop-30', 'crypto-crash'])('%s: events, rounds and totals agree; insurance, gas and liquidator capacity hold', (name) => {
    const { snapshot } = opened;
    const [scenario] = loadScenarios([name]);
    const capacity = { multiplier: 1, protocolsWithoutHistory: 'none' as const };
    const gas = { priceGwei: 500, gasPerLiquidation: 350_000, ethAsset: 'WETH' };
    const result = contagionCascade(
      prepareCascade(snapshot),
      scenario!.shocks,
      { arbitrageInflow: 0.3, liquidatorCapacity: capacity, gas, insuranceFunds: true, oracle: { model: 'lag', lagRounds: 1, roundSeconds: 12 }, recordEvents: true },
      [],
      undefined,
      snapshot,
    );
    expect(result.liquidations).toBeGreaterThan(100);
    checkConserves(result, null);
    checkInsurance(result, Object.fromEntries(snapshot.protocols.name.map((n, q) => [n, snapshot.protocols.insuranceFundUsd[q]!])));
    checkGas(result, gas);
    const events = snapshot.liquidationEvents;
    const past = Array.from(events.protocol, (protocol, e): PastLiquidation => ({ protocol, liquidator: events.liquidator[e]!, repaidUsd: events.debtRepaidUsd[e]! }));
    checkCapacity(result, snapshot.protocols.name, snapshot.liquidators.address.length, past, capacity);
    // Protocols without a liquidation in the history get no liquidator under 'none'.
    const withHistory = new Set(past.map((e) => snapshot.protocols.name[e.protocol]!));
    for (const e of result.events) expect(withHistory.has(e.protocol), e.protocol).toBe(true);
  });
});
