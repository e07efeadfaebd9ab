/**
 * Support: who is running now and what ran: the data-folder lock (one job at a time, across processes) and the run ledger DIR/ops/run_ledger.duckdb. Package map: docs/architecture.md.
 */
package uk.csc.warehouse.runs;
