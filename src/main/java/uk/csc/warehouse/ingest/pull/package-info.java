/**
 * Pipeline stage, pull: fetches extracts from SFTP servers and reporting databases into DIR/inbox before the load. Package map: docs/architecture.md.
 */
package uk.csc.warehouse.ingest.pull;
