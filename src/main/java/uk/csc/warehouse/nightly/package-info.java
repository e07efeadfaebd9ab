/**
 * The nightly cycle: pull, load, build, publish outputs, in one place, with one rule per kind of failure; called by {@code run}, {@code demo}, {@code request nightly} and the scheduled job. Package map: docs/architecture.md.
 */
package uk.csc.warehouse.nightly;
