import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatPrice, formatRatio, formatShock, formatUsd, formatUsdCompact } from '../../src/report/index.js';

describe('USD formatting', () => {
  it('prints whole dollars with thousands separators', () => {
    expect(formatUsd(1_234_567)).toBe('$1,234,567');
    expect(formatUsd(1_234_567.5)).toBe('$1,234,568');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(-2_500)).toBe('-$2,500');
    expect(formatUsd(0.2)).toBe('<$1');
    expect(formatUsd(0.7)).toBe('$1');
  });

  it('abbreviates to at most three significant digits from $1,000 up', () => {
    expect(formatUsdCompact(12_345_678)).toBe('$12.3M');
    expect(formatUsdCompact(1_234_567_890)).toBe('$1.23B');
    expect(formatUsdCompact(2_000_000)).toBe('$2M');
    expect(formatUsdCompact(60_796)).toBe('$60.8K');
    expect(formatUsdCompact(999)).toBe('$999');
    expect(formatUsdCompact(4.2e12)).toBe('$4.2T');
    expect(formatUsdCompact(-1_500_000)).toBe('-$1.5M');
  });

  it('moves to the next unit when rounding reaches it', () => {
    expect(formatUsdCompact(999_950)).toBe('$1M');
    expect(formatUsdCompact(999_499)).toBe('$999K');
    expect(formatUsdCompact(999.6)).toBe('$1K');
  });

  it('never prints a non-finite value as a number', () => {
    for (const format of [formatUsd, formatUsdCompact, formatPrice, formatChange, formatCount, formatRatio]) {
      expect(format(NaN)).toBe('n/a');
      expect(format(Infinity)).toBe('∞');
    }
  });
});

describe('prices, changes and ratios', () => {
  it('prints prices with cents from $1 up and four significant digits below', () => {
    expect(formatPrice(1816.85499606)).toBe('$1,816.85');
    expect(formatPrice(0.99990004)).toBe('$0.9999');
    expect(formatPrice(0.000123456)).toBe('$0.0001235');
  });

  it('signs changes and never prints "-0.0%"', () => {
    expect(formatChange(-0.3)).toBe('-30.0%');
    expect(formatChange(0.025)).toBe('+2.5%');
    expect(formatChange(-0.00001)).toBe('0.0%');
    expect(formatShock(0.7)).toBe('×0.7 (-30.0%)');
  });

  it('prints health factors to four decimals at most', () => {
    expect(formatRatio(1.005590290573374)).toBe('1.0056');
    expect(formatRatio(1)).toBe('1');
    expect(formatCount(12_105)).toBe('12,105');
  });
});
