import type { MigrationInterface, QueryRunner } from 'typeorm';

/** IBGE's population estimate of each government and its reference year (null until a file is imported). */
export class Population1764800000000 implements MigrationInterface {
  name = 'Population1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "governments" ADD COLUMN "population" integer CHECK ("population" IS NULL OR "population" > 0)`,
    );
    await q.query(`ALTER TABLE "governments" ADD COLUMN "population_year" integer`);
    // Peers by population band filter on kind and population.
    await q.query(`CREATE INDEX "idx_governments_kind_population" ON "governments" ("kind", "population")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_governments_kind_population"`);
    await q.query(`ALTER TABLE "governments" DROP COLUMN "population_year"`);
    await q.query(`ALTER TABLE "governments" DROP COLUMN "population"`);
  }
}
