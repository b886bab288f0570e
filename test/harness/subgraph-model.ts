/**
 * What the harness needs to know about a subgraph schema (`schema.graphql` with `@entity`,
 * `@derivedFrom`, the custom scalars): its entity types and interfaces, each field's base type and
 * kind, and which fields are derived. Both the API schema derivation and the resolvers read this
 * model, never the SDL, so a renamed field (schema drift) is renamed everywhere at once.
 */
import { Kind, parse, print, type FieldDefinitionNode, type TypeNode } from 'graphql';

export const CUSTOM_SCALARS = ['BigInt', 'BigDecimal', 'Bytes', 'Int8', 'Timestamp'] as const;
const BUILTIN_SCALARS = new Set(['ID', 'String', 'Int', 'Float', 'Boolean', ...CUSTOM_SCALARS]);

export type FieldKind = 'scalar' | 'enum' | 'entity';

export interface ModelField {
  /** Name in the served API (after `renameFields`). */
  readonly name: string;
  /** Key of the value in stored entities: the name in the subgraph schema. */
  readonly storeKey: string;
  readonly description: string | undefined;
  /** Named type at the bottom of the type (e.g. `Token` for `[Token!]!`). */
  readonly baseType: string;
  readonly kind: FieldKind;
  readonly list: boolean;
  readonly nonNull: boolean;
  /** The field type as written, e.g. `[Token!]!`. */
  readonly typeText: string;
  /** For `@derivedFrom(field: "x")`: `x`, the field of `baseType` that points back here. */
  readonly derivedFrom: string | undefined;
}

export interface ModelType {
  readonly name: string;
  readonly isInterface: boolean;
  readonly description: string | undefined;
  readonly interfaces: readonly string[];
  readonly fields: readonly ModelField[];
  readonly fieldsByName: ReadonlyMap<string, ModelField>;
}

export interface SubgraphModel {
  readonly types: ReadonlyMap<string, ModelType>;
  /** Enum name → values, in declaration order. */
  readonly enums: ReadonlyMap<string, readonly string[]>;
  /** Enum definitions as SDL without directives, ready to serve. */
  readonly enumSdl: readonly string[];
  /** Interface name → names of the entity types implementing it. */
  readonly implementors: ReadonlyMap<string, readonly string[]>;
}

const unwrap = (t: TypeNode): { base: string; list: boolean; nonNull: boolean } => {
  const nonNull = t.kind === Kind.NON_NULL_TYPE;
  const inner = t.kind === Kind.NON_NULL_TYPE ? t.type : t;
  if (inner.kind === Kind.LIST_TYPE) return { ...unwrap(inner.type), list: true, nonNull };
  return { base: inner.name.value, list: false, nonNull };
};

function derivedFromOf(field: FieldDefinitionNode): string | undefined {
  const directive = field.directives?.find((d) => d.name.value === 'derivedFrom');
  const arg = directive?.arguments?.find((a) => a.name.value === 'field');
  return arg?.value.kind === Kind.STRING ? arg.value.value : undefined;
}

/**
 * Reads a subgraph SDL. `renameFields` maps `Type.field` to a new served name; renaming an
 * interface field renames it in every implementing type too, so the served schema stays valid.
 */
export function buildSubgraphModel(subgraphSdl: string, renameFields: Readonly<Record<string, string>> = {}): SubgraphModel {
  const doc = parse(subgraphSdl, { noLocation: true });
  const enums = new Map<string, readonly string[]>();
  const enumSdl: string[] = [];
  const objectNames = new Set<string>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION) {
      enums.set(def.name.value, (def.values ?? []).map((v) => v.name.value));
      enumSdl.push(print({ ...def, directives: [], values: (def.values ?? []).map((v) => ({ ...v, directives: [] })) }));
    }
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INTERFACE_TYPE_DEFINITION) objectNames.add(def.name.value);
  }

  const renames = new Map(Object.entries(renameFields));
  const implementors = new Map<string, string[]>();
  const types = new Map<string, ModelType>();
  const pending: { name: string; isInterface: boolean; interfaces: string[]; fieldNodes: readonly FieldDefinitionNode[]; description?: string }[] = [];
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const isInterface = def.kind === Kind.INTERFACE_TYPE_DEFINITION;
    const isEntity = isInterface || (def.directives ?? []).some((d) => d.name.value === 'entity');
    if (!isEntity) continue;
    const interfaces = (def.interfaces ?? []).map((i) => i.name.value);
    for (const i of interfaces) implementors.set(i, [...(implementors.get(i) ?? []), def.name.value]);
    pending.push({ name: def.name.value, isInterface, interfaces, fieldNodes: def.fields ?? [], description: def.description?.value });
  }
  for (const t of pending) {
    if (!t.isInterface) continue;
    for (const f of t.fieldNodes) {
      const newName = renames.get(`${t.name}.${f.name.value}`);
      if (newName === undefined) continue;
      for (const impl of implementors.get(t.name) ?? []) renames.set(`${impl}.${f.name.value}`, newName);
    }
  }

  const unused = new Set(renames.keys());
  for (const t of pending) {
    const fields = t.fieldNodes.map((node): ModelField => {
      const { base, list, nonNull } = unwrap(node.type);
      const key = `${t.name}.${node.name.value}`;
      unused.delete(key);
      const kind: FieldKind = enums.has(base) ? 'enum' : objectNames.has(base) ? 'entity' : 'scalar';
      if (kind === 'scalar' && !BUILTIN_SCALARS.has(base)) {
        throw new Error(`test/harness/subgraph-model: field ${key} has unknown type \`${base}\``);
      }
      return {
        name: renames.get(key) ?? node.name.value,
        storeKey: node.name.value,
        description: node.description?.value,
        baseType: base,
        kind,
        list,
        nonNull,
        typeText: print(node.type),
        derivedFrom: derivedFromOf(node),
      };
    });
    types.set(t.name, {
      name: t.name,
      isInterface: t.isInterface,
      description: t.description,
      interfaces: t.interfaces,
      fields,
      fieldsByName: new Map(fields.map((f) => [f.name, f])),
    });
  }
  if (unused.size > 0) {
    throw new Error(`test/harness/subgraph-model: renameFields names fields the schema does not have: ${[...unused].join(', ')}`);
  }
  return { types, enums, enumSdl, implementors };
}

/** Concrete entity types a query on `typeName` reads: itself, or an interface's implementors. */
export function concreteTypes(model: SubgraphModel, typeName: string): readonly string[] {
  const type = model.types.get(typeName);
  if (type === undefined) throw new Error(`test/harness/subgraph-model: no entity type \`${typeName}\``);
  return type.isInterface ? (model.implementors.get(typeName) ?? []) : [typeName];
}

/** The scalar an entity type's `id` is: `ID`/`String`, `Bytes` or `Int8`; interfaces take their first implementor's. */
export function idScalar(model: SubgraphModel, typeName: string): string {
  const type = model.types.get(typeName);
  if (type === undefined) throw new Error(`test/harness/subgraph-model: no entity type \`${typeName}\``);
  const concrete = type.isInterface ? model.types.get(model.implementors.get(typeName)?.[0] ?? '') : type;
  const id = concrete?.fields.find((f) => f.storeKey === 'id');
  return id?.baseType ?? 'String';
}
