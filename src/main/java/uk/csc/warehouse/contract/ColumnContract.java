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
 * @param domain           {@code yes_no} for a flag staging reads with reference.yes_no: any other value is
 *                         quarantined at load, not turned into NULL; {@code yes_no_na} also accepts the SSD's NA
 *                         (not applicable, NULL in staging); null for none
 * @param aliases          other names a file's header may give the column (an SSD rename, accepted for a release);
 *                         the lake always uses {@code name}
 */
public record ColumnContract(String name, String type, boolean required, String references, boolean pii,
                             String description, List<String> codes, Map<String, String> codeDescriptions,
                             boolean futureAllowed, String domain, List<String> aliases) {

    public ColumnContract {
        codes = codes == null ? List.of() : List.copyOf(codes);
        codeDescriptions = codeDescriptions == null ? Map.of() : Map.copyOf(codeDescriptions);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public boolean yesNo() {
        return "yes_no".equals(domain) || notApplicableAllowed();
    }

    public boolean notApplicableAllowed() {
        return "yes_no_na".equals(domain);
    }

    /** True when a header field names this column, by its name or an alias (case-insensitive). */
    public boolean answersTo(String headerName) {
        return name.equalsIgnoreCase(headerName) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(headerName));
    }

    public boolean isTemporal() {
        return "date".equals(type) || "timestamp".equals(type);
    }
}
