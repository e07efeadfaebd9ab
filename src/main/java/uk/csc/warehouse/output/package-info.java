/**
 * Pipeline stage, nightly outputs: the CSVs in DIR/out, published as one set, and the formula-injection-safe CSV writer every output uses. Package map: docs/architecture.md.
 */
package uk.csc.warehouse.output;
