/**
 * Pipeline stage, load: CSV extracts in DIR/inbox checked against their contracts and landed in the Parquet lake (quarantine, archive, crash recovery). Package map: docs/architecture.md.
 */
package uk.csc.warehouse.ingest;
