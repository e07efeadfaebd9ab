package uk.csc.warehouse.contract;

import java.util.List;
import java.util.Map;

/**
 * One column of an extract contract.
 *
 * @param type             DuckDB logical type the lake stores it as (varchar, date, timestamp, integer, double, boolean)
 * @param references       parent column as {@code table.column}, or null
 * @param pii              personal data: never logged, never leaves the council
 * @param codes            allowed values, or empty for any
 * @param codeDescriptions descriptions some case systems send instead of codes, mapped to the code (upper-cased keys)
 * @param futureAllowed    a date that may lie after the extract date (an expected date of birth, a review due)
 */
public record ColumnContract(String name, String type, boolean required, String references, boolean pii,
                             String description, List<String> codes, Map<String, String> codeDescriptions,
                             boolean futureAllowed) {

    public ColumnContract {
        codes = codes == null ? List.of() : List.copyOf(codes);
        codeDescriptions = codeDescriptions == null ? Map.of() : Map.copyOf(codeDescriptions);
    }

    public boolean isTemporal() {
        return "date".equals(type) || "timestamp".equals(type);
    }
}
