/**
 * Errors as graph-node reports them. graph-node fails a whole query on an argument it cannot use
 * (a block it has not indexed, `first` out of range, an undecodable filter value) and returns
 * `{ "errors": [{ "message", "locations" }] }` without `data`; and, with its default settings
 * (GraphQL spec validations off), the only validation it runs is that every selected field
 * exists, reported as "Type `Position` has no field `balance`" (graph/src/data/query/error.rs).
 */
import { GraphQLError, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

/** An error that makes graph-node refuse the whole query, with its message text. */
export class GraphNodeQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphNodeQueryError';
  }
}

/** graph-node's `RangeArgumentsError`. */
export const rangeError = (argument: 'first' | 'skip', max: number, actual: number): GraphNodeQueryError =>
  new GraphNodeQueryError(`The \`${argument}\` argument must be between 0 and ${max}, but is ${actual}`);

/** graph-node's `ValueParseError`, e.g. for a block above the indexed head. */
export const valueParseError = (what: string, problem: string): GraphNodeQueryError =>
  new GraphNodeQueryError(`Failed to decode \`${what}\` value: \`${problem}\``);

export interface WireError {
  message: string;
  locations?: { line: number; column: number }[];
}

/** Selected fields the schema does not have, as graph-node words them. */
export function unknownFieldErrors(schema: GraphQLSchema, document: DocumentNode): WireError[] {
  const typeInfo = new TypeInfo(schema);
  const errors: WireError[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent == null || typeInfo.getFieldDef() != null) return;
        const location = node.loc === undefined ? undefined : node.loc.startToken;
        errors.push({
          message: `Type \`${parent.name}\` has no field \`${node.name.value}\``,
          ...(location === undefined ? {} : { locations: [{ line: location.line, column: location.column }] }),
        });
      },
    }),
  );
  return errors;
}

/** A graphql-js error in graph-node's wire shape: message and locations, no path or extensions. */
export function toWireError(error: GraphQLError | Error): WireError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const message = original instanceof GraphNodeQueryError ? original.message : error.message;
  const locations = error instanceof GraphQLError ? error.locations?.map((l) => ({ line: l.line, column: l.column })) : undefined;
  return locations === undefined || locations.length === 0 ? { message } : { message, locations };
}

/** True when graph-node would have refused the whole query rather than return partial data. */
export const isQueryLevel = (error: GraphQLError): boolean => error.originalError instanceof GraphNodeQueryError;
