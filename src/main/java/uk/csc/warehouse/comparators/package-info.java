/**
 * Pipeline stage, output: comparator files against statistical neighbours and England, and the DfE LAIT refresh. Package map: docs/architecture.md.
 */
package uk.csc.warehouse.comparators;
