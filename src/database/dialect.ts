import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';

/** The two databases the engine runs on. */
export type Dialect = 'sqlite' | 'postgres';

/** Which database a data source, manager or query runner talks to, for the few places where SQL must differ. */
export function dialectOf(x: DataSource | EntityManager | QueryRunner): Dialect {
  const type = x instanceof DataSource ? x.options.type : x.connection.options.type;
  if (type === 'postgres') return 'postgres';
  if (type === 'sqlite') return 'sqlite';
  throw new Error(`Unsupported database type "${type}": the engine runs on sqlite or postgres`);
}
