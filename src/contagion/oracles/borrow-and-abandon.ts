/**
 * Bad debt unlocked by pushing a collateral asset's oracle up: borrow against the inflated
 * collateral, then walk away (the Mango Markets 2022 and Moola Market 2022 pattern; Chaos Labs,
 * "Uniswap v3 TWAP Market Risk", 2023, describes it as the main TWAP-manipulation risk for
 * lenders; Bentley 2021 works the LTV arithmetic: with LTV 0.75 the oracle must rise by more than
 * 1/0.75 − 1 ≈ 33 % before anything can be gained — he rounds it to 35 %).
 *
 * For each account, with u units of the manipulated asset as collateral (true price p, oracle
 * price p' during the attack), borrowing factor LTV, other collateral worth V_o with borrowing
 * power B_o (Σ value · LTV, priced by unaffected oracles) and debt D (not in the manipulated asset):
 *   true collateral value   V  = u·p + V_o
 *   borrowing limit at p'   B' = u·p'·LTV + B_o
 *   debt after borrowing    D' = max(D, B')
 *   unlocked bad debt       = max(0, D' − V) − max(0, D − V)
 * i.e. what the protocol can no longer recover once the account is abandoned and the oracle is
 * back at p, beyond any shortfall the account had already. It is > 0 only if u·p'·LTV + B_o > V:
 * the manipulation lifts the account's borrowing limit over its true collateral value. Whoever
 * controls the account pockets D' − D of new loans against collateral worth V − D of equity, a
 * gain of exactly the unlocked bad debt; the book is read as the attacker's own accounts (or, as an
 * upper bound for a protocol, every borrower acting adversarially). Liquidation bonuses on the
 * abandoned collateral, which would raise the loss, are left out.
 */
import { OracleError, requirePositive } from './errors.js';

export interface InflatedCollateralBook {
  /** Per account: units of the manipulated asset held as collateral. */
  collateralUnits: Float64Array;
  /** Per account: share of that collateral's value it may borrow (Aave v3 LTV; the liquidation threshold gives an upper bound). */
  loanToValue: Float64Array;
  /** Per account: debt owed, USD, in assets other than the manipulated one. */
  debtUsd: Float64Array;
  /** Per account: other collateral's value and borrowing power (USD); omitted = none. */
  otherCollateralUsd?: Float64Array;
  otherBorrowingPowerUsd?: Float64Array;
}

export interface BorrowAndAbandonInput {
  book: InflatedCollateralBook;
  /** The asset's market price, and the price its oracle reports during the attack. */
  truePriceUsd: number;
  manipulatedPriceUsd: number;
}

export interface BorrowAndAbandonResult {
  unlockedBadDebtUsd: number;
  /** New loans taken against the inflated collateral, in total. */
  extraBorrowUsd: number;
  /** Accounts whose borrowing limit the manipulation lifts over their true collateral value. */
  accountsUnlocked: number;
  byAccount: { extraBorrowUsd: Float64Array; unlockedBadDebtUsd: Float64Array };
}

export function borrowAndAbandon(input: BorrowAndAbandonInput): BorrowAndAbandonResult {
  const { book, truePriceUsd: p, manipulatedPriceUsd: pm } = input;
  requirePositive('borrow-and-abandon', 'truePriceUsd', p);
  requirePositive('borrow-and-abandon', 'manipulatedPriceUsd', pm);
  const n = book.collateralUnits.length;
  for (const name of ['loanToValue', 'debtUsd', 'otherCollateralUsd', 'otherBorrowingPowerUsd'] as const) {
    const column = book[name];
    if (column !== undefined && column.length !== n) throw new OracleError('borrow-and-abandon', `book.${name} has ${column.length} entries, collateralUnits ${n}`);
  }
  const extra = new Float64Array(n);
  const unlocked = new Float64Array(n);
  let accountsUnlocked = 0;
  for (let i = 0; i < n; i++) {
    const units = book.collateralUnits[i]!;
    const ltv = book.loanToValue[i]!;
    const debt = book.debtUsd[i]!;
    const otherValue = book.otherCollateralUsd?.[i] ?? 0;
    const otherPower = book.otherBorrowingPowerUsd?.[i] ?? 0;
    if (!(units >= 0) || !(ltv >= 0 && ltv <= 1) || !(debt >= 0) || !(otherValue >= 0) || !(otherPower >= 0)) {
      throw new OracleError(
        'borrow-and-abandon',
        `account ${i}: collateralUnits, debtUsd and other collateral must be ≥ 0 and loanToValue in [0, 1], ` +
          `got ${units}, ${debt}, ${otherValue}/${otherPower} and ${ltv}`,
      );
    }
    const trueValue = units * p + otherValue;
    const limit = units * pm * ltv + otherPower;
    const debtAfter = Math.max(debt, limit);
    extra[i] = debtAfter - debt;
    unlocked[i] = Math.max(0, debtAfter - trueValue) - Math.max(0, debt - trueValue);
    if (unlocked[i]! > 0) accountsUnlocked++;
  }
  return {
    unlockedBadDebtUsd: unlocked.reduce((s, v) => s + v, 0),
    extraBorrowUsd: extra.reduce((s, v) => s + v, 0),
    accountsUnlocked,
    byAccount: { extraBorrowUsd: extra, unlockedBadDebtUsd: unlocked },
  };
}
