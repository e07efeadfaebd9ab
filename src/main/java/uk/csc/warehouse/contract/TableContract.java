package uk.csc.warehouse.contract;

import java.util.List;
import java.util.Optional;

/**
 * What one extract table must look like: its columns (bound by name, never position), key, and the date
 * pairs that must run forwards ({@code date_order: [[start, end], ...]}: end on or after start).
 */
public record TableContract(String source, String table, String spec, List<String> primaryKey,
                            List<ColumnContract> columns, List<List<String>> dateOrder) {

    public TableContract {
        dateOrder = dateOrder == null ? List.of() : List.copyOf(dateOrder);
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnContract::name).toList();
    }

    public Optional<ColumnContract> column(String name) {
        // By name first, so a column's own name wins over another column's alias.
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
                .or(() -> columns.stream().filter(c -> c.answersTo(name)).findFirst());
    }

    /** Name used for the table in the lake and in the {@code lake} catalog: {@code <source>__<table>}. */
    public String lakeName() {
        return source + "__" + table;
    }
}
