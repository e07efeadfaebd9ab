/**
 * Support: the extract contracts in schemas/ (tables, columns, types) that ingest, generate and transform share. Package map: docs/architecture.md.
 */
package uk.csc.warehouse.contract;
