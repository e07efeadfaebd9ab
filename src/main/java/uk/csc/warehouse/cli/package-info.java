/**
 * Commands (top layer): the picocli commands a person or a script types; they parse, print and call the layers below. Package map: docs/architecture.md.
 */
package uk.csc.warehouse.cli;
