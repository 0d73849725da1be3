import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/** The database's page size, from its header (bytes 16-17; 1 stands for 65536). */
export function pageSizeOf(path: string): number {
  const header = Buffer.alloc(2);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 2, 16);
  } finally {
    closeSync(fd);
  }
  const size = header.readUInt16BE(0);
  return size === 1 ? 65536 : size;
}

export function pageCountOf(path: string): number {
  return Math.floor(statSync(path).size / pageSizeOf(path));
}

/** The first page of each named table's b-tree, as SQLite numbers pages (from 1). */
export function rootPagesOf(path: string, tables: string[]): number[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const root = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?`);
    return tables.map((table) => root.pluck().get(table) as number);
  } finally {
    db.close();
  }
}

/** Writes fixed pseudo-random garbage over whole pages, as a failing disk would. */
export function corruptPages(path: string, pages: number[]): void {
  const pageSize = pageSizeOf(path);
  let seed = 0x2f6b1d;
  const garbage = Buffer.alloc(pageSize);
  const fd = openSync(path, 'r+');
  try {
    for (const page of pages) {
      for (let i = 0; i < pageSize; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        garbage[i] = seed >> 16;
      }
      writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
    }
  } finally {
    closeSync(fd);
  }
}
