/**
 * Pipeline stage, input: a synthetic local authority's extracts (for the demo, tests and benchmarks; synthetic data only). Package map: docs/architecture.md.
 */
package uk.csc.warehouse.generate;
