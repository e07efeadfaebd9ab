/**
 * Pipeline stage, build: runs the SQL models and their data tests over the lake into a new warehouse.duckdb and publishes it by atomic rename. Package map: docs/architecture.md.
 */
package uk.csc.warehouse.transform;
