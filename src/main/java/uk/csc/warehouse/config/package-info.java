/**
 * Support: reading DIR/csc-warehouse.properties (sources, durations, secrets) and naming the key in every complaint. Package map: docs/architecture.md.
 */
package uk.csc.warehouse.config;
