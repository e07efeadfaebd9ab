/**
 * Pipeline stage, output: the annual self-evaluation data pack (HTML, workbook, charts). Package map: docs/architecture.md.
 */
package uk.csc.warehouse.pack;
