/**
 * The sqlite3 driver for TypeORM without its verbose mode. TypeORM calls `verbose()` on the driver it loads,
 * and sqlite3's verbose mode wraps every call to keep a long stack trace: an Error and a util.inspect of every
 * argument (the SQL and its parameters) per statement, a large share of an autosave's CPU. Errors still name
 * their SQL (TypeORM's QueryFailedError carries it).
 */
export function quietSqlite3(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sqlite3 = require('sqlite3') as object;
  return Object.assign(Object.create(sqlite3) as object, {
    verbose() {
      return this;
    },
  });
}
