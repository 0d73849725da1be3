import { initialSchema } from './0001-initial-schema';
import type { Migration } from './Migration';
import { readingPositions } from './0002-reading-positions';
import { highlights } from './0003-highlights';
import { editions } from './0004-editions';

/** Every migration in order; append only. Each runs in its own transaction. */
export const migrations: readonly Migration[] = [
  initialSchema,
  readingPositions,
  highlights,
  editions,
];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
