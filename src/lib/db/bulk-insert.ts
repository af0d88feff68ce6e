/**
 * Fast inserts into sql.js: multi-row INSERT statements with bound parameters (hundreds of
 * rows per statement), prepared once per table. One row per call costs about twice as much
 * on a million rows, and one giant SQL string would blow memory.
 */
import type { Database, Statement } from "sql.js";
import { quoteIdent } from "./schema.ts";

type Cell = string | number | null;

/** SQLite's default bound-parameter limit is 32,766; stay well under it. */
const MAX_PARAMS = 30_000;
const MAX_ROWS_PER_STATEMENT = 500;

export class BulkInserter {
  private readonly rowsPerStatement: number;
  private readonly width: number;
  private readonly fullStatement: Statement;
  /** The bound values of one full statement, reused: a new array per statement is garbage. */
  private readonly buffer: Cell[];
  private pendingRows = 0;
  inserted = 0;

  constructor(
    private readonly db: Database,
    private readonly table: string,
    columns: readonly string[],
  ) {
    this.width = columns.length;
    this.rowsPerStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / this.width)));
    this.fullStatement = db.prepare(this.sql(this.rowsPerStatement));
    this.buffer = new Array<Cell>(this.rowsPerStatement * this.width).fill(null);
  }

  private sql(rows: number): string {
    const tuple = `(${new Array(this.width).fill("?").join(",")})`;
    return `INSERT INTO ${quoteIdent(this.table)} VALUES ${new Array(rows).fill(tuple).join(",")}`;
  }

  /** Adds one row; `values` must have one cell per column, in column order. */
  add(values: readonly Cell[]): void {
    const offset = this.pendingRows * this.width;
    for (let i = 0; i < this.width; i++) this.buffer[offset + i] = values[i] ?? null;
    this.pendingRows++;
    if (this.pendingRows === this.rowsPerStatement) {
      this.fullStatement.run(this.buffer);
      this.inserted += this.pendingRows;
      this.pendingRows = 0;
    }
  }

  /** Writes the rows still buffered and frees the statements. */
  finish(): void {
    if (this.pendingRows > 0) {
      const tail = this.db.prepare(this.sql(this.pendingRows));
      tail.run(this.buffer.slice(0, this.pendingRows * this.width));
      tail.free();
      this.inserted += this.pendingRows;
    }
    this.pendingRows = 0;
    this.fullStatement.free();
  }
}
