package uk.csc.warehouse.contract;

/**
 * One column of an extract contract.
 *
 * @param type       DuckDB logical type the lake stores it as (varchar, date, timestamp, integer, double, boolean)
 * @param references parent key as {@code table.column}, or null
 * @param pii        personal data: never logged, never leaves the council
 */
public record ColumnContract(String name, String type, boolean required, String references, boolean pii,
                             String description) {
}
