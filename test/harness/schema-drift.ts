import { readFile } from 'node:fs/promises';
import internals from '@prisma/internals';
import pg from 'pg';

// Compares what schema.prisma describes with what the migrations built, the way `prisma migrate
// diff` would if its engine could run here. Both sides are reduced to the same plain shape, then
// describeSchemaDrift lists every difference in words a reader can act on.

const { getDMMF } = internals;
type Datamodel = Awaited<ReturnType<typeof getDMMF>>['datamodel'];
type Model = Datamodel['models'][number];
type Field = Model['fields'][number];

export interface SchemaShape {
  tables: TableShape[];
  enums: EnumShape[];
}

export interface EnumShape {
  name: string;
  values: string[];
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  primaryKey: { name: string; columns: string[] } | null;
  /** Unique and plain indexes; the primary key's index is not listed. */
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}

export interface ColumnShape {
  name: string;
  /** PostgreSQL's format_type() spelling (`timestamp(3) without time zone`, `text[]`), or `enum <name>`. */
  type: string;
  nullable: boolean;
  default: ColumnDefault;
}

export type ColumnDefault =
  | { kind: 'none' }
  | { kind: 'now' }
  | { kind: 'autoincrement' }
  /** A constant, canonicalised for its column type (numbers, JSON, timestamps compare by value). */
  | { kind: 'value'; value: string }
  | { kind: 'expression'; sql: string };

export interface IndexShape {
  name: string;
  unique: boolean;
  /** btree, hash, gin… */
  method: string;
  /** Column names, with ` DESC` and a non-default operator class appended when present. */
  columns: string[];
  predicate?: string;
}

export type ReferentialAction = 'CASCADE' | 'RESTRICT' | 'NO ACTION' | 'SET NULL' | 'SET DEFAULT';

export interface ForeignKeyShape {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

// ---------------------------------------------------------------------------------------------
// The comparison

/** Every difference between the schema.prisma shape and the database shape; empty when they agree. */
export function describeSchemaDrift(expected: SchemaShape, actual: SchemaShape): string[] {
  const problems: string[] = [];
  const expectedEnums = new Map(expected.enums.map((item) => [item.name, item]));
  for (const want of expected.enums) {
    const have = actual.enums.find((item) => item.name === want.name);
    if (!have) problems.push(`enum "${want.name}" is missing from the database`);
    else if (have.values.join('\0') !== want.values.join('\0')) {
      problems.push(
        `enum "${want.name}": database has (${have.values}), schema.prisma says (${want.values})`,
      );
    }
  }
  for (const have of actual.enums) {
    if (!expectedEnums.has(have.name))
      problems.push(`enum "${have.name}" is in the database but not in schema.prisma`);
  }

  const expectedTables = new Set(expected.tables.map((table) => table.name));
  for (const want of expected.tables) {
    const have = actual.tables.find((table) => table.name === want.name);
    if (have) compareTable(want, have, problems);
    else problems.push(`table "${want.name}" is missing from the database`);
  }
  for (const have of actual.tables) {
    if (!expectedTables.has(have.name))
      problems.push(`table "${have.name}" is in the database but not in schema.prisma`);
  }
  return problems;
}

function compareTable(want: TableShape, have: TableShape, problems: string[]): void {
  const table = `"${want.name}"`;
  for (const column of want.columns) {
    const found = have.columns.find((item) => item.name === column.name);
    const where = `${table}."${column.name}"`;
    if (!found) {
      problems.push(
        `${where}: column is missing from the database (schema.prisma says ${describeColumn(column)})`,
      );
      continue;
    }
    if (found.type !== column.type) {
      problems.push(`${where}: database has type ${found.type}, schema.prisma says ${column.type}`);
    }
    if (found.nullable !== column.nullable) {
      problems.push(
        `${where}: database has ${nullability(found)}, schema.prisma says ${nullability(column)}`,
      );
    }
    if (!defaultsAgree(column.default, found.default)) {
      problems.push(
        `${where}: database has ${describeDefault(found.default)}, schema.prisma says ${describeDefault(column.default)}`,
      );
    }
  }
  for (const column of have.columns) {
    if (!want.columns.some((item) => item.name === column.name)) {
      problems.push(`${table}."${column.name}": column is in the database but not in schema.prisma`);
    }
  }

  const wantKey = want.primaryKey ? describeConstraint(want.primaryKey) : 'no primary key';
  const haveKey = have.primaryKey ? describeConstraint(have.primaryKey) : 'no primary key';
  if (wantKey !== haveKey)
    problems.push(`${table}: database has primary key ${haveKey}, schema.prisma says ${wantKey}`);

  compareIndexes(table, want.indexes, have.indexes, problems);
  compareForeignKeys(table, want.foreignKeys, have.foreignKeys, problems);
}

function compareIndexes(table: string, want: IndexShape[], have: IndexShape[], problems: string[]): void {
  const unmatched = [...have];
  const take = (index: IndexShape | undefined) => index && unmatched.splice(unmatched.indexOf(index), 1)[0];
  const missing: IndexShape[] = [];
  for (const index of want) {
    const named = take(unmatched.find((item) => item.name === index.name));
    if (!named) missing.push(index);
    else if (describeIndex(named) !== describeIndex(index)) {
      problems.push(
        `${table}: database has ${describeIndex(named)}, schema.prisma says ${describeIndex(index)}`,
      );
    }
  }
  for (const index of missing) {
    const sameDefinition = (item: IndexShape) =>
      describeIndex({ ...item, name: index.name }) === describeIndex(index);
    const renamed = take(unmatched.find(sameDefinition));
    if (renamed) {
      problems.push(`${table}: ${describeIndex(index)} is named "${renamed.name}" in the database`);
    } else {
      problems.push(`${table}: ${describeIndex(index)} is missing from the database`);
    }
  }
  for (const index of unmatched) {
    problems.push(`${table}: ${describeIndex(index)} is in the database but not in schema.prisma`);
  }
}

function compareForeignKeys(
  table: string,
  want: ForeignKeyShape[],
  have: ForeignKeyShape[],
  problems: string[],
): void {
  const key = (fk: ForeignKeyShape) => fk.columns.join('\0');
  for (const fk of want) {
    const found = have.find((item) => key(item) === key(fk));
    if (!found) problems.push(`${table}: ${describeForeignKey(fk)} is missing from the database`);
    else if (describeForeignKey(found) !== describeForeignKey(fk)) {
      problems.push(
        `${table}: database has ${describeForeignKey(found)}, schema.prisma says ${describeForeignKey(fk)}`,
      );
    }
  }
  for (const fk of have) {
    if (!want.some((item) => key(item) === key(fk))) {
      problems.push(`${table}: ${describeForeignKey(fk)} is in the database but not in schema.prisma`);
    }
  }
}

// dbgenerated("…") is compared for presence only: PostgreSQL stores the expression re-printed
// (casts added, case and spacing changed), so comparing text would fail on equivalent SQL.
function defaultsAgree(want: ColumnDefault, have: ColumnDefault): boolean {
  if (want.kind === 'expression') return have.kind !== 'none';
  return describeDefault(want) === describeDefault(have);
}

function describeColumn(column: ColumnShape): string {
  const fallback = column.default.kind === 'none' ? '' : `, ${describeDefault(column.default)}`;
  return `${column.type} ${nullability(column)}${fallback}`;
}

function nullability(column: ColumnShape): string {
  return column.nullable ? 'NULL' : 'NOT NULL';
}

function describeDefault(value: ColumnDefault): string {
  switch (value.kind) {
    case 'none':
      return 'no default';
    case 'now':
      return 'default now()';
    case 'autoincrement':
      return 'default autoincrement()';
    case 'value':
      return `default ${JSON.stringify(value.value)}`;
    case 'expression':
      return `default dbgenerated(${value.sql})`;
  }
}

function describeConstraint(constraint: { name: string; columns: string[] }): string {
  return `"${constraint.name}" (${constraint.columns.join(', ')})`;
}

function describeIndex(index: IndexShape): string {
  const method = index.method === 'btree' ? '' : ` using ${index.method}`;
  const predicate = index.predicate ? ` where ${index.predicate}` : '';
  return `${index.unique ? 'unique ' : ''}index "${index.name}" (${index.columns.join(', ')})${method}${predicate}`;
}

function describeForeignKey(fk: ForeignKeyShape): string {
  return (
    `foreign key "${fk.name}" (${fk.columns.join(', ')}) → "${fk.referencedTable}"(${fk.referencedColumns.join(', ')}) ` +
    `ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`
  );
}

// ---------------------------------------------------------------------------------------------
// What schema.prisma describes, in the shape Prisma Migrate would give PostgreSQL

export async function readExpectedSchema(schemaPath: string): Promise<SchemaShape> {
  return expectedSchemaFromPrisma(await readFile(schemaPath, 'utf8'));
}

export async function expectedSchemaFromPrisma(schemaText: string): Promise<SchemaShape> {
  const { datamodel } = await getDMMF({ datamodel: schemaText });
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const enumNames = new Map(datamodel.enums.map((item) => [item.name, item.dbName ?? item.name]));
  const enumValues = new Map(
    datamodel.enums.map((item) => [item.name, new Map(item.values.map((v) => [v.name, v.dbName ?? v.name]))]),
  );
  const constraintNames = relationConstraintNames(schemaText);

  const tables = datamodel.models.map((model): TableShape => {
    const table = tableName(model);
    const indexes = datamodel.indexes.filter((index) => index.model === model.name);
    const id = indexes.find((index) => index.type === 'id');
    const columns = model.fields.filter((field) => field.kind === 'scalar' || field.kind === 'enum');
    return {
      name: table,
      columns: columns.map((field) => {
        const type = expectedColumnType(field, enumNames);
        return {
          name: columnName(field),
          type,
          nullable: field.isList || !field.isRequired,
          default: expectedDefault(field, type, enumValues),
        };
      }),
      primaryKey: id
        ? {
            name: id.dbName ?? constraintName(table, [], '_pkey'),
            columns: id.fields.map((f) => columnOf(model, f.name)),
          }
        : null,
      indexes: indexes
        .filter((index) => index.type === 'unique' || index.type === 'normal')
        .map((index) => {
          const unique = index.type === 'unique';
          const names = index.fields.map((f) => columnOf(model, f.name));
          return {
            name: index.dbName ?? constraintName(table, names, unique ? '_key' : '_idx'),
            unique,
            method: (index.algorithm ?? 'BTree').toLowerCase(),
            columns: index.fields.map((f, i) => {
              const descending = f.sortOrder === 'desc' ? ' DESC' : '';
              // Prisma spells operator classes in PascalCase (JsonbPathOps → jsonb_path_ops).
              const opclass = f.operatorClass
                ? ` ${f.operatorClass.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toLowerCase()}`
                : '';
              return `${names[i]}${descending}${opclass}`;
            }),
          };
        }),
      foreignKeys: model.fields
        .filter((field) => field.kind === 'object' && (field.relationFromFields?.length ?? 0) > 0)
        .map((field) => {
          const target = models.get(field.type)!;
          const from = field.relationFromFields!.map((name) => columnOf(model, name));
          const anyRequired = field.relationFromFields!.some(
            (name) => model.fields.find((f) => f.name === name)?.isRequired,
          );
          return {
            name: constraintNames.get(`${model.name}.${field.name}`) ?? constraintName(table, from, '_fkey'),
            columns: from,
            referencedTable: tableName(target),
            referencedColumns: field.relationToFields!.map((name) => columnOf(target, name)),
            // Prisma's defaults: Restrict when the relation is required, SetNull when optional; Cascade on update.
            onDelete: referentialAction(field.relationOnDelete ?? (anyRequired ? 'Restrict' : 'SetNull')),
            onUpdate: referentialAction(field.relationOnUpdate ?? 'Cascade'),
          };
        }),
    };
  });

  return {
    tables: [...tables, ...implicitManyToManyTables(datamodel, enumNames)],
    enums: datamodel.enums.map((item) => ({
      name: item.dbName ?? item.name,
      values: item.values.map((v) => v.dbName ?? v.name),
    })),
  };
}

// Implicit many-to-many relations get a join table `_<relation>`: column A points at the model whose
// name sorts first, B at the other; primary key (A, B), an index on B, cascading foreign keys.
function implicitManyToManyTables(datamodel: Datamodel, enumNames: Map<string, string>): TableShape[] {
  const tables = new Map<string, TableShape>();
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.isList || !field.relationName || tables.has(field.relationName))
        continue;
      const target = datamodel.models.find((item) => item.name === field.type)!;
      const back = target.fields.find(
        (other) => other.relationName === field.relationName && other !== field,
      );
      if (!back?.isList) continue;
      const [a, b] = [model, target].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)) as [
        Model,
        Model,
      ];
      const table = `_${field.relationName}`;
      const side = (letter: 'A' | 'B', to: Model) => {
        const id =
          to.fields.find((f) => f.isId) ?? to.fields.find((f) => f.name === to.primaryKey?.fields[0]);
        if (!id)
          throw new Error(`many-to-many relation ${field.relationName}: ${to.name} has no single-field id`);
        const column: ColumnShape = {
          name: letter,
          type: expectedColumnType(id, enumNames),
          nullable: false,
          default: { kind: 'none' },
        };
        const fk: ForeignKeyShape = {
          name: `${table}_${letter}_fkey`,
          columns: [letter],
          referencedTable: tableName(to),
          referencedColumns: [columnName(id)],
          onDelete: 'CASCADE',
          onUpdate: 'CASCADE',
        };
        return { column, fk };
      };
      const sides = [side('A', a), side('B', b)];
      tables.set(field.relationName, {
        name: table,
        columns: sides.map((s) => s.column),
        primaryKey: { name: `${table}_AB_pkey`, columns: ['A', 'B'] },
        indexes: [{ name: `${table}_B_index`, unique: false, method: 'btree', columns: ['B'] }],
        foreignKeys: sides.map((s) => s.fk),
      });
    }
  }
  return [...tables.values()];
}

const DEFAULT_NATIVE_TYPES: Record<string, readonly [string, readonly string[]]> = {
  String: ['Text', []],
  Int: ['Integer', []],
  BigInt: ['BigInt', []],
  Float: ['DoublePrecision', []],
  Decimal: ['Decimal', ['65', '30']],
  Boolean: ['Boolean', []],
  DateTime: ['Timestamp', ['3']],
  Json: ['JsonB', []],
  Bytes: ['ByteA', []],
};

const PLAIN_NATIVE_TYPES: Record<string, string> = {
  Text: 'text',
  Uuid: 'uuid',
  Xml: 'xml',
  Inet: 'inet',
  Citext: 'citext',
  Integer: 'integer',
  SmallInt: 'smallint',
  BigInt: 'bigint',
  Oid: 'oid',
  Real: 'real',
  DoublePrecision: 'double precision',
  Money: 'money',
  Date: 'date',
  Boolean: 'boolean',
  Json: 'json',
  JsonB: 'jsonb',
  ByteA: 'bytea',
};

function expectedColumnType(field: Field, enumNames: Map<string, string>): string {
  const list = field.isList ? '[]' : '';
  if (field.kind === 'enum') return `enum ${enumNames.get(field.type) ?? field.type}${list}`;
  const [name, args] =
    (field.nativeType as [string, string[]] | null) ?? DEFAULT_NATIVE_TYPES[field.type] ?? [];
  if (!name || !args)
    throw new Error(`drift check: no PostgreSQL type known for ${field.type} (${field.name})`);
  const precision = args[0] === undefined ? '' : `(${args[0]})`;
  const base = (() => {
    if (PLAIN_NATIVE_TYPES[name]) return PLAIN_NATIVE_TYPES[name];
    switch (name) {
      case 'VarChar':
        return `character varying${precision}`;
      // CHAR and BIT without a length mean length 1 in PostgreSQL.
      case 'Char':
        return `character(${args[0] ?? 1})`;
      case 'Bit':
        return `bit(${args[0] ?? 1})`;
      case 'VarBit':
        return `bit varying${precision}`;
      case 'Decimal':
        return args.length === 2 ? `numeric(${args[0]},${args[1]})` : 'numeric';
      case 'Timestamp':
        return `timestamp${precision} without time zone`;
      case 'Timestamptz':
        return `timestamp${precision} with time zone`;
      case 'Time':
        return `time${precision} without time zone`;
      case 'Timetz':
        return `time${precision} with time zone`;
      default:
        throw new Error(
          `drift check: native type @db.${name} (${field.name}) is not mapped yet; add it here`,
        );
    }
  })();
  return `${base}${list}`;
}

function expectedDefault(
  field: Field,
  type: string,
  enumValues: Map<string, Map<string, string>>,
): ColumnDefault {
  const value = field.default as unknown;
  if (value === undefined || value === null) return { kind: 'none' };
  if (typeof value === 'object' && !Array.isArray(value) && 'name' in value) {
    const { name, args } = value as { name: string; args: unknown[] };
    if (name === 'now') return { kind: 'now' };
    if (name === 'autoincrement' || name === 'sequence') return { kind: 'autoincrement' };
    if (name === 'dbgenerated')
      return args[0] === undefined ? { kind: 'none' } : { kind: 'expression', sql: String(args[0]) };
    // uuid(), cuid(), nanoid(), ulid(): the Prisma client fills these in; the column has no default.
    return { kind: 'none' };
  }
  const raw = (item: unknown): string => {
    if (field.kind === 'enum') return enumValues.get(field.type)?.get(String(item)) ?? String(item);
    if (field.type === 'Bytes') return `\\x${Buffer.from(String(item), 'base64').toString('hex')}`;
    return String(item);
  };
  return { kind: 'value', value: canonicalValue(Array.isArray(value) ? value.map(raw) : raw(value), type) };
}

function referentialAction(action: string): ReferentialAction {
  const actions: Record<string, ReferentialAction> = {
    Cascade: 'CASCADE',
    Restrict: 'RESTRICT',
    NoAction: 'NO ACTION',
    SetNull: 'SET NULL',
    SetDefault: 'SET DEFAULT',
  };
  const mapped = actions[action];
  if (!mapped) throw new Error(`drift check: unknown referential action ${action}`);
  return mapped;
}

function tableName(model: Model): string {
  return model.dbName ?? model.name;
}

function columnName(field: Field): string {
  return (field as Field & { dbName?: string | null }).dbName ?? field.name;
}

function columnOf(model: Model, fieldName: string): string {
  const field = model.fields.find((item) => item.name === fieldName);
  if (!field) throw new Error(`drift check: ${model.name} has no field ${fieldName}`);
  return columnName(field);
}

// Prisma's default constraint names (psl ConstraintNames): `<table>_<columns>_<suffix>`, cut so the
// whole fits PostgreSQL's 63-byte identifiers.
function constraintName(
  table: string,
  columns: string[],
  suffix: '_pkey' | '_key' | '_idx' | '_fkey',
): string {
  const stem = columns.length === 0 ? table : `${table}_${columns.join('_')}`;
  const limit = 63 - suffix.length;
  const bytes = Buffer.from(stem, 'utf8');
  if (bytes.length < limit) return `${stem}${suffix}`;
  let cut = limit;
  // Back up to a character boundary (UTF-8 continuation bytes are 10xxxxxx).
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut -= 1;
  return `${bytes.subarray(0, cut).toString('utf8')}${suffix}`;
}

// The DMMF leaves out @relation(map: "…"), the foreign key's own name, so read it from the text.
function relationConstraintNames(schemaText: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const [, model, body] of schemaText.matchAll(/^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm)) {
    for (const [, field, args] of (body ?? '').matchAll(/^\s*(\w+)\s[^\n]*?@relation\(([^)]*)\)/gm)) {
      const map = /\bmap\s*:\s*"([^"]*)"/.exec(args ?? '')?.[1];
      if (map) names.set(`${model}.${field}`, map);
    }
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// What the database holds

export async function readDatabaseSchema(databaseUrl: string): Promise<SchemaShape> {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') || 'public';
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    // One connection runs one query at a time; pg deprecates overlapping them.
    const tables = await client.query<{ table: string }>(TABLES_SQL, [schema]);
    const columns = await client.query<ColumnRow>(COLUMNS_SQL, [schema]);
    const indexes = await client.query<IndexRow>(INDEXES_SQL, [schema]);
    const foreignKeys = await client.query<ForeignKeyRow>(FOREIGN_KEYS_SQL, [schema]);
    const enums = await client.query<EnumShape>(ENUMS_SQL, [schema]);
    return {
      enums: enums.rows,
      tables: tables.rows.map(({ table }): TableShape => {
        const primary = indexes.rows.find((row) => row.table === table && row.primary);
        return {
          name: table,
          columns: columns.rows
            .filter((row) => row.table === table)
            .map((row) => ({
              name: row.name,
              type: row.type,
              nullable: row.nullable,
              default: databaseDefault(row),
            })),
          primaryKey: primary ? { name: primary.name, columns: primary.columns } : null,
          indexes: indexes.rows
            .filter((row) => row.table === table && !row.primary)
            .map(({ name, unique, method, columns, predicate }) => ({
              name,
              unique,
              method,
              columns,
              ...(predicate ? { predicate } : {}),
            })),
          foreignKeys: foreignKeys.rows
            .filter((row) => row.table === table)
            .map(({ name, columns, referencedTable, referencedColumns, onDelete, onUpdate }) => ({
              name,
              columns,
              referencedTable,
              referencedColumns,
              onDelete,
              onUpdate,
            })),
        };
      }),
    };
  } finally {
    await client.end();
  }
}

interface ColumnRow {
  table: string;
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
  identity: string;
}

interface IndexRow extends IndexShape {
  table: string;
  primary: boolean;
}

interface ForeignKeyRow extends ForeignKeyShape {
  table: string;
}

const TABLES_SQL = `
  SELECT c.relname::text AS table
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
  ORDER BY c.relname`;

const COLUMNS_SQL = `
  SELECT c.relname::text AS table, a.attname::text AS name,
    CASE WHEN t.typtype = 'e' THEN 'enum ' || t.typname
         WHEN et.typtype = 'e' THEN 'enum ' || et.typname || '[]'
         ELSE format_type(a.atttypid, a.atttypmod) END AS type,
    NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity::text AS identity
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
  ORDER BY c.relname, a.attnum`;

// Index key columns in order, each with DESC and a non-default operator class when present; an
// expression key shows as its SQL.
const INDEXES_SQL = `
  SELECT c.relname::text AS table, i.relname::text AS name, x.indisunique AS unique, x.indisprimary AS primary,
    am.amname::text AS method, pg_get_expr(x.indpred, x.indrelid) AS predicate,
    ARRAY(
      SELECT COALESCE(a.attname::text, pg_get_indexdef(x.indexrelid, k.ord::int, true))
        || CASE WHEN x.indoption[k.ord - 1] & 1 = 1 THEN ' DESC' ELSE '' END
        || CASE WHEN opc.opcdefault THEN '' ELSE ' ' || opc.opcname END
      FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
      LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum > 0
      JOIN pg_opclass opc ON opc.oid = x.indclass[k.ord - 1]
      WHERE k.ord <= x.indnkeyatts
      ORDER BY k.ord
    ) AS columns
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = i.relam
  WHERE n.nspname = $1 AND c.relname <> '_prisma_migrations'
  ORDER BY c.relname, i.relname`;

const FOREIGN_KEYS_SQL = `
  SELECT c.relname::text AS table, con.conname::text AS name, r.relname::text AS "referencedTable",
    ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
    ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "referencedColumns",
    ${actionSql('con.confdeltype')} AS "onDelete", ${actionSql('con.confupdtype')} AS "onUpdate"
  FROM pg_constraint con
  JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE con.contype = 'f' AND n.nspname = $1
  ORDER BY c.relname, con.conname`;

function actionSql(column: string): string {
  return `CASE ${column} WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
    WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END`;
}

const ENUMS_SQL = `
  SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE n.nspname = $1
  GROUP BY t.typname ORDER BY t.typname`;

function databaseDefault(row: ColumnRow): ColumnDefault {
  if (row.identity === 'a' || row.identity === 'd') return { kind: 'autoincrement' };
  if (row.default === null) return { kind: 'none' };
  const sql = row.default.trim();
  if (/^nextval\(/i.test(sql)) return { kind: 'autoincrement' };
  if (/^(CURRENT_TIMESTAMP|now\(\))$/i.test(sql)) return { kind: 'now' };
  const literal = parseLiteral(sql);
  return literal === undefined
    ? { kind: 'expression', sql }
    : { kind: 'value', value: canonicalValue(literal, row.type) };
}

// ---------------------------------------------------------------------------------------------
// Literals: PostgreSQL re-prints a default (`'it''s'::text`, `ARRAY['a'::text]`, `'-5'::integer`);
// schema.prisma states it plainly. Both sides are reduced to the same canonical string.

const CAST = /^(::(?:"[^"]+"|[a-z_][\w ]*)(?:\(\d+(?:,\s*\d+)?\))?(?: with(?:out)? time zone)?(?:\[\])?)*$/i;

function parseLiteral(sql: string): string | string[] | undefined {
  const text = sql.replace(/^\((.*)\)$/s, '$1').trim();
  if (text.startsWith("'")) {
    let end = 1;
    let value = '';
    for (; end < text.length; end += 1) {
      if (text[end] === "'" && text[end + 1] === "'") {
        value += "'";
        end += 1;
      } else if (text[end] === "'") break;
      else value += text[end];
    }
    return CAST.test(text.slice(end + 1).trim()) ? value : undefined;
  }
  if (/^ARRAY\[/i.test(text)) {
    const close = closingBracket(text, 'ARRAY'.length);
    if (close === undefined || !CAST.test(text.slice(close + 1).trim())) return undefined;
    const items = splitTopLevel(text.slice('ARRAY['.length, close)).map(parseLiteral);
    return items.every((item): item is string => typeof item === 'string') ? items : undefined;
  }
  const scalar = /^(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|true|false)((?:::.*)?)$/i.exec(text);
  if (scalar && CAST.test(scalar[2] ?? '')) return scalar[1]?.toLowerCase();
  return undefined;
}

function closingBracket(text: string, open: number): number | undefined {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < text.length; i += 1) {
    const char = text[i];
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === '[') depth += 1;
    else if (!quoted && char === ']') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

function splitTopLevel(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of list) {
    if (char === "'") quoted = !quoted;
    else if (!quoted && (char === '[' || char === '(')) depth += 1;
    else if (!quoted && (char === ']' || char === ')')) depth -= 1;
    if (char === ',' && !quoted && depth === 0) {
      items.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

/** A constant as it compares for a column of `type` (a list for array columns). */
function canonicalValue(value: string | string[], type: string): string {
  if (type.endsWith('[]')) {
    const element = type.slice(0, -2);
    const items = Array.isArray(value) ? value : parseArrayText(value);
    return JSON.stringify(items.map((item) => canonicalValue(item, element)));
  }
  if (Array.isArray(value)) return JSON.stringify(value);
  if (/^(smallint|integer|bigint|real|double precision|numeric)/.test(type)) return canonicalNumber(value);
  if (type === 'boolean') return value.toLowerCase();
  if (type === 'json' || type === 'jsonb') return canonicalJson(value);
  if (type === 'bytea') return value.toLowerCase();
  if (type === 'date') return value.slice(0, 10);
  if (type.startsWith('timestamp')) return canonicalTimestamp(value, type.includes('with time zone'));
  return value;
}

// `{a,"b c"}`: PostgreSQL's text form of a one-dimensional array, as in `'{}'::text[]`.
function parseArrayText(text: string): string[] {
  const inner = text.trim().replace(/^\{(.*)\}$/s, '$1');
  if (inner === '') return [];
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < inner.length; i += 1) {
    const char = inner[i];
    if (char === '\\' && quoted) current += inner[++i] ?? '';
    else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      items.push(current);
      current = '';
    } else current += char;
  }
  items.push(current);
  return items;
}

function canonicalNumber(value: string): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return value;
  if (/e/i.test(value) || !value.includes('.')) return String(number);
  return value.replace(/^(-?)0*(\d)/, '$1$2').replace(/\.?0+$/, '');
}

function canonicalJson(value: string): string {
  const sort = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sort);
    if (item && typeof item === 'object') {
      return Object.fromEntries(
        Object.entries(item)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, sort(v)]),
      );
    }
    return item;
  };
  try {
    return JSON.stringify(sort(JSON.parse(value)));
  } catch {
    return value;
  }
}

// PostgreSQL drops any offset written into a `timestamp without time zone` literal, so those compare
// as wall-clock time; `with time zone` values compare as instants.
function canonicalTimestamp(value: string, withZone: boolean): string {
  const match =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      value.trim(),
    );
  if (!match) return value;
  const [, date, time, zone] = match;
  const wallClock = `${date}T${time}`;
  if (!withZone) return new Date(`${wallClock}Z`).toISOString().replace(/Z$/, '');
  const offset =
    !zone || zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.length === 3
        ? `${zone}:00`
        : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return new Date(`${wallClock}${offset}`).toISOString();
}
