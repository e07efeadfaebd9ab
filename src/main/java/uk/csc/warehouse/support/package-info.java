/**
 * Support (the floor: imports no other package of ours): the data folder's layout, DuckDB connections, SQL quoting, retry with back-off, redaction, crash points for tests. Package map: docs/architecture.md.
 */
package uk.csc.warehouse.support;
