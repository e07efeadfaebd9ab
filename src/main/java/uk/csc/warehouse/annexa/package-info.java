/**
 * Pipeline stage, output: the Ofsted ILACS Annex A workbook (owner-only, audited). Package map: docs/architecture.md.
 */
package uk.csc.warehouse.annexa;
