/**
 * The Graph's scalars on the wire and in comparisons. `BigInt`, `BigDecimal`, `Bytes`, `Int8` and
 * `Timestamp` travel as JSON strings; filters and sorting compare BigInt/BigDecimal/Int numerically
 * (as Postgres `numeric` does), Bytes as lower-case hex (byte order equals string order for
 * lower-case hex of whole bytes), and ID/String as strings.
 */
import { GraphQLScalarType, Kind, type GraphQLSchema, type ValueNode } from 'graphql';
import { valueParseError } from './graph-node-errors.js';

/** A decimal as mantissa × 10^exponent, exact. */
interface Decimal {
  m: bigint;
  e: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function parseDecimal(text: string): Decimal {
  const match = DECIMAL.exec(text.trim());
  if (match === null || `${match[2] ?? ''}${match[3] ?? ''}` === '') throw valueParseError('BigDecimal', `invalid decimal ${JSON.stringify(text)}`);
  const fraction = match[3] ?? '';
  const m = BigInt(`${match[1] ?? ''}${match[2] ?? ''}${fraction}` || '0');
  return { m, e: Number(match[4] ?? 0) - fraction.length };
}

function compareDecimal(a: Decimal, b: Decimal): number {
  const e = Math.min(a.e, b.e);
  const x = a.m * 10n ** BigInt(a.e - e);
  const y = b.m * 10n ** BigInt(b.e - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

function toBigInt(value: unknown, scalar: string): bigint {
  try {
    if (typeof value === 'bigint') return value;
    if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
    if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) return BigInt(value.trim());
  } catch {
    // fall through to the decode error below
  }
  throw valueParseError(scalar, `invalid integer ${JSON.stringify(String(value))}`);
}

/** Checks and lower-cases a Bytes value the way graph-node decodes hex (`0x` optional). */
export function parseBytes(value: unknown): string {
  const text = String(value);
  const hex = text.startsWith('0x') || text.startsWith('0X') ? text.slice(2) : text;
  const bad = /[^0-9a-fA-F]/.exec(hex);
  if (bad !== null) throw valueParseError('Bytes', `Invalid character '${bad[0]}' at position ${bad.index}`);
  if (hex.length % 2 !== 0) throw valueParseError('Bytes', 'Odd number of digits');
  return `0x${hex.toLowerCase()}`;
}

const NUMERIC = new Set(['BigInt', 'Int', 'Int8', 'Timestamp']);

/**
 * Orders two non-null values of one scalar type (or an enum, compared as text). Inputs may be
 * stored values (bigint, number, string) or filter values (strings from the wire).
 */
export function compareScalar(scalar: string, a: unknown, b: unknown): number {
  if (NUMERIC.has(scalar)) {
    const x = toBigInt(a, scalar);
    const y = toBigInt(b, scalar);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (scalar === 'BigDecimal') return compareDecimal(parseDecimal(String(a)), parseDecimal(String(b)));
  if (scalar === 'Boolean') return Number(a === true) - Number(b === true);
  // Filter inputs are decoded (parseBytes) before they get here; stored Bytes are hex already.
  const x = scalar === 'Bytes' ? String(a).toLowerCase() : String(a);
  const y = scalar === 'Bytes' ? String(b).toLowerCase() : String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A stored value as graph-node puts it on the wire. */
export function serializeScalar(scalar: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (scalar) {
    case 'BigInt':
    case 'Int8':
    case 'Timestamp':
      return toBigInt(value, scalar).toString();
    case 'BigDecimal':
      return String(value);
    case 'Bytes':
      return String(value).toLowerCase();
    case 'Int':
      return Number(value);
    default:
      return value;
  }
}

function literal(scalar: string, node: ValueNode): string {
  if (node.kind === Kind.STRING || node.kind === Kind.INT || (scalar === 'BigDecimal' && node.kind === Kind.FLOAT)) return node.value;
  throw new TypeError(`${scalar} cannot represent a ${node.kind} literal`);
}

/** Replaces the identity coercions `buildSchema` gives custom scalars with The Graph's. */
export function installScalars(schema: GraphQLSchema): void {
  for (const name of ['BigInt', 'BigDecimal', 'Bytes', 'Int8', 'Timestamp']) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLScalarType)) continue;
    type.serialize = (value: unknown) => serializeScalar(name, value);
    type.parseValue = (value: unknown) => {
      if (typeof value === 'string' || (typeof value === 'number' && name !== 'Bytes')) return String(value);
      throw new TypeError(`${name} cannot represent ${JSON.stringify(value)}`);
    };
    type.parseLiteral = (node: ValueNode) => literal(name, node);
  }
}
