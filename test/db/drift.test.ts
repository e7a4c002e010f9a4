import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../prisma/apply-migrations.ts';
import { databaseUrl, dropDatabase, uniqueDatabaseName } from '../harness/database.ts';
import {
  describeSchemaDrift,
  expectedSchemaFromPrisma,
  readDatabaseSchema,
  readExpectedSchema,
  type SchemaShape,
} from '../harness/schema-drift.ts';

// schema.prisma and prisma/migrations must describe the same database: Prisma's client is generated
// from the first, the database is built from the second. Prisma's own drift check needs its schema
// engine, so this test migrates an empty database and compares it with the schema itself.

const SCHEMA_PATH = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));

const databases: string[] = [];
afterAll(async () => {
  await Promise.all(databases.map((name) => dropDatabase(name)));
});

async function migratedDatabase(migrationsDir?: string): Promise<string> {
  const name = uniqueDatabaseName();
  databases.push(name);
  const url = databaseUrl(name);
  await applyMigrations(url, migrationsDir ? { migrationsDir } : {});
  return url;
}

describe('schema.prisma and prisma/migrations', () => {
  it('describe the same database', async () => {
    const url = await migratedDatabase();

    const drift = describeSchemaDrift(await readExpectedSchema(SCHEMA_PATH), await readDatabaseSchema(url));

    expect(drift, `schema.prisma and the migrations disagree:\n${drift.join('\n')}`).toEqual([]);
  });
});

describe('the drift check on schema.prisma', () => {
  it('fails when schema.prisma has a column the migrations never created', async () => {
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const edited = schema.replace(/^model Member \{\n/m, '$&  nickname String? @db.VarChar(40)\n');
    expect(edited).not.toBe(schema);
    const database = await readDatabaseSchema(await migratedDatabase());

    expect(describeSchemaDrift(await expectedSchemaFromPrisma(edited), database)).toEqual([
      '"Member"."nickname": column is missing from the database (schema.prisma says character varying(40) NULL)',
    ]);
  });
});

// A schema with the features later models will bring (enums, Json, lists, @map/@@map, composite and
// hash indexes, every kind of relation), and the SQL `prisma migrate dev` writes for it. The
// comparison must find no drift: it knows Prisma's conventions, not just today's two models.
const RICH_SCHEMA = `
datasource db {
  provider = "postgresql"
}

enum Level {
  PM
  SENIOR @map("senior")

  @@map("level")
}

model Team {
  id        Int      @id @default(autoincrement())
  name      String   @db.VarChar(80)
  settings  Json     @default("{\\"tz\\": \\"UTC\\", \\"days\\": [1, 2]}")
  tags      String[] @default(["a", "it's"])
  levels    Level[]
  score     Decimal  @default(1.50) @db.Decimal(10, 2)
  ratio     Float    @default(-0.5)
  budget    BigInt   @default(-5)
  active    Boolean  @default(true)
  logo      Bytes?   @default("AQI=")
  foundedAt DateTime @default("2020-01-02T03:04:05Z") @db.Timestamptz(3)
  token     String   @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  members   Person[]
  labels    Label[]

  @@unique([name], map: "team_name_unique")
  @@index([active, name(sort: Desc)])
  @@map("teams")
}

model Person {
  id       String   @id @default(uuid()) @db.Uuid
  teamId   Int?     @map("team_id")
  team     Team?    @relation(fields: [teamId], references: [id])
  level    Level    @default(SENIOR)
  email    String   @unique
  mentorId String?  @db.Uuid
  mentor   Person?  @relation("Mentoring", fields: [mentorId], references: [id], onDelete: Cascade, onUpdate: NoAction, map: "person_mentor_fk")
  mentees  Person[] @relation("Mentoring")

  @@index([teamId], type: Hash)
}

model Label {
  id    Int    @id @default(autoincrement())
  text  String
  teams Team[]
}
`;

const RICH_MIGRATION = `-- CreateEnum
CREATE TYPE "level" AS ENUM ('PM', 'senior');

-- CreateTable
CREATE TABLE "teams" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{"tz": "UTC", "days": [1, 2]}',
    "tags" TEXT[] DEFAULT ARRAY['a', 'it''s']::TEXT[],
    "levels" "level"[],
    "score" DECIMAL(10,2) NOT NULL DEFAULT 1.50,
    "ratio" DOUBLE PRECISION NOT NULL DEFAULT -0.5,
    "budget" BIGINT NOT NULL DEFAULT -5,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "logo" BYTEA DEFAULT '\\x0102',
    "foundedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT '2020-01-02 03:04:05 +00:00',
    "token" UUID NOT NULL DEFAULT gen_random_uuid(),

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "team_id" INTEGER,
    "level" "level" NOT NULL DEFAULT 'senior',
    "email" TEXT NOT NULL,
    "mentorId" UUID,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Label" (
    "id" SERIAL NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Label_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_LabelToTeam" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_LabelToTeam_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "team_name_unique" ON "teams"("name");

-- CreateIndex
CREATE INDEX "teams_active_name_idx" ON "teams"("active", "name" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE INDEX "Person_team_id_idx" ON "Person" USING HASH ("team_id");

-- CreateIndex
CREATE INDEX "_LabelToTeam_B_index" ON "_LabelToTeam"("B");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "person_mentor_fk" FOREIGN KEY ("mentorId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "_LabelToTeam" ADD CONSTRAINT "_LabelToTeam_A_fkey" FOREIGN KEY ("A") REFERENCES "Label"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_LabelToTeam" ADD CONSTRAINT "_LabelToTeam_B_fkey" FOREIGN KEY ("B") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`;

describe('describeSchemaDrift on a schema with every feature', () => {
  let dir: string;
  let database: SchemaShape;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mockingbird-rich-'));
    mkdirSync(path.join(dir, '20260101000000_rich'));
    writeFileSync(path.join(dir, '20260101000000_rich', 'migration.sql'), RICH_MIGRATION);
    database = await readDatabaseSchema(await migratedDatabase(dir));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function driftAfter(...edits: [string | RegExp, string][]): Promise<string[]> {
    let schema = RICH_SCHEMA;
    for (const [from, to] of edits) {
      const edited = schema.replace(from, to);
      expect(edited, `edit ${from} did not apply`).not.toBe(schema);
      schema = edited;
    }
    return describeSchemaDrift(await expectedSchemaFromPrisma(schema), database);
  }

  it('finds no drift between the schema and its migration', async () => {
    expect(await driftAfter()).toEqual([]);
  });

  it('reports type, nullability and default changes', async () => {
    expect(
      await driftAfter([
        'email    String   @unique',
        'email    String?  @unique @db.VarChar(200) @default("x")',
      ]),
    ).toEqual([
      '"Person"."email": database has type text, schema.prisma says character varying(200)',
      '"Person"."email": database has NOT NULL, schema.prisma says NULL',
      '"Person"."email": database has no default, schema.prisma says default "x"',
    ]);
  });

  it('reports a column the database has and the schema dropped', async () => {
    expect(await driftAfter(['  text  String\n', ''])).toEqual([
      '"Label"."text": column is in the database but not in schema.prisma',
    ]);
  });

  it('compares defaults by value, enum values, list types and referential actions', async () => {
    expect(
      await driftAfter(
        ['@default(1.50)', '@default(1.25)'],
        ['@default(["a", "it\'s"])', '@default(["a"])'],
        ['SENIOR @map("senior")', 'SENIOR @map("senior")\n  STAFF'],
        ['levels    Level[]', 'levels    Level'],
        ['onUpdate: NoAction, ', ''],
      ),
    ).toEqual([
      'enum "level": database has (PM,senior), schema.prisma says (PM,senior,STAFF)',
      '"teams"."tags": database has default "[\\"a\\",\\"it\'s\\"]", schema.prisma says default "[\\"a\\"]"',
      '"teams"."levels": database has type enum level[], schema.prisma says enum level',
      '"teams"."levels": database has NULL, schema.prisma says NOT NULL',
      '"teams"."score": database has default "1.5", schema.prisma says default "1.25"',
      '"Person": database has foreign key "person_mentor_fk" (mentorId) → "Person"(id) ON DELETE CASCADE ON UPDATE NO ACTION, ' +
        'schema.prisma says foreign key "person_mentor_fk" (mentorId) → "Person"(id) ON DELETE CASCADE ON UPDATE CASCADE',
    ]);
  });

  it('reports indexes and foreign keys that differ, are missing or are extra', async () => {
    expect(
      await driftAfter(
        ['@@index([active, name(sort: Desc)])', '@@index([active, name])'],
        ['@@index([teamId], type: Hash)', '@@index([teamId])\n  @@index([level, email])'],
        ['String   @unique', 'String'],
        [
          '@relation(fields: [teamId], references: [id])',
          '@relation(fields: [teamId], references: [id], onDelete: Cascade)',
        ],
      ),
    ).toEqual([
      '"teams": database has index "teams_active_name_idx" (active, name DESC), schema.prisma says index "teams_active_name_idx" (active, name)',
      '"Person": database has index "Person_team_id_idx" (team_id) using hash, schema.prisma says index "Person_team_id_idx" (team_id)',
      '"Person": index "Person_level_email_idx" (level, email) is missing from the database',
      '"Person": unique index "Person_email_key" (email) is in the database but not in schema.prisma',
      '"Person": database has foreign key "Person_team_id_fkey" (team_id) → "teams"(id) ON DELETE SET NULL ON UPDATE CASCADE, ' +
        'schema.prisma says foreign key "Person_team_id_fkey" (team_id) → "teams"(id) ON DELETE CASCADE ON UPDATE CASCADE',
    ]);
  });

  it('reports a renamed index and a renamed primary key', async () => {
    expect(
      await driftAfter(
        ['@@unique([name], map: "team_name_unique")', '@@unique([name])'],
        [
          'id    Int    @id @default(autoincrement())',
          'id    Int    @default(autoincrement())\n\n  @@id([id], map: "label_pk")',
        ],
      ),
    ).toEqual([
      '"teams": unique index "teams_name_key" (name) is named "team_name_unique" in the database',
      '"Label": database has primary key "Label_pkey" (id), schema.prisma says "label_pk" (id)',
    ]);
  });

  it('reports tables and enums on either side, including implicit many-to-many tables', async () => {
    expect(
      await driftAfter(
        [/\nmodel Label \{[^}]*\}\n/, '\nenum Mood {\n  CALM\n}\n'],
        ['  labels    Label[]\n', ''],
      ),
    ).toEqual([
      'enum "Mood" is missing from the database',
      'table "Label" is in the database but not in schema.prisma',
      'table "_LabelToTeam" is in the database but not in schema.prisma',
    ]);
  });
});
