export {
  anfrage,
  ANFRAGE_ID,
  ANFRAGE_ID_GRUENDE,
  byId,
  idempotenzDb,
  idempotent,
  inputHash,
  purgeAnfrageIds,
  type Anfrage,
  type IdempotentWork,
} from './idempotent.ts';
export { anfrageIdempotenzMigrations } from './migrations.ts';
export type { AnfrageIdempotenzTable, IdempotenzTables } from './tables.ts';
export { inTransaction } from './transaction.ts';
