package uk.csc.warehouse.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.csc.warehouse.contract.ColumnContract;
import uk.csc.warehouse.contract.TableContract;
import uk.csc.warehouse.support.Sql;

/**
 * Turns a contract into the SQL that types every value and lists, per row, the rules it breaks, so the
 * whole check is one DuckDB pass over the file. A reason is {@code "<column>|<reason>"}.
 * Rules: type, required, code list (descriptions mapped to codes first), no date after the extract date,
 * end not before start, no duplicate key. References to parents are checked after landing (ReferenceCheck).
 */
final class RowChecks {
    static final String DATE_FORMATS = "yyyy-mm-dd, dd/mm/yyyy or yyyy-mm-dd hh:mm:ss";

    private final TableContract contract;
    private final Set<String> present;
    private final List<String> header;
    private final LocalDate extractDate;

    RowChecks(TableContract contract, List<String> header, LocalDate extractDate) {
        this.contract = contract;
        this.header = header;
        this.present = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.extractDate = extractDate;
    }

    /** SELECT over {@code raw} (all-VARCHAR, rowid = record order) producing typed columns, _reasons and _nl. */
    String checkedSelect(boolean countEmbeddedLineBreaks) {
        List<String> inner = new ArrayList<>();
        inner.add("rowid AS _rid");
        for (ColumnContract c : contract.columns()) {
            if (isPresent(c)) {
                inner.add(typed(c) + " AS " + Sql.ident(c.name()));
                inner.add(trimmed(c) + " AS " + Sql.ident(c.name() + "__raw"));
            } else {
                inner.add("CAST(NULL AS " + sqlType(c) + ") AS " + Sql.ident(c.name()));
            }
        }
        inner.add((countEmbeddedLineBreaks ? embeddedLineBreaks() : "0") + " AS _nl");
        String dup = contract.primaryKey().isEmpty() ? "1"
                : "row_number() OVER (PARTITION BY " + contract.primaryKey().stream().map(Sql::ident)
                        .collect(Collectors.joining(", ")) + " ORDER BY _rid)";
        List<String> reasons = reasons();
        String reasonList = reasons.isEmpty() ? "CAST([] AS VARCHAR[])"
                : "list_filter([" + String.join(", ", reasons) + "], x -> x IS NOT NULL)";
        return "SELECT *, " + reasonList + " AS _reasons FROM (SELECT *, " + dup + " AS _dup FROM (SELECT "
                + String.join(", ", inner) + " FROM raw))";
    }

    /** The contract's columns, typed, in contract order: what lands in the lake. */
    String lakeColumns() {
        return contract.columns().stream().map(c -> Sql.ident(c.name())).collect(Collectors.joining(", "));
    }

    private List<String> reasons() {
        List<String> r = new ArrayList<>();
        for (ColumnContract c : contract.columns()) {
            String col = Sql.ident(c.name());
            if (!isPresent(c)) {
                continue;
            }
            String raw = Sql.ident(c.name() + "__raw");
            if (c.required()) {
                r.add(reason(raw + " IS NULL", c, "required value missing"));
            }
            if (!"varchar".equals(c.type())) {
                r.add(reason(raw + " IS NOT NULL AND " + col + " IS NULL", c, typeProblem(c)));
            }
            if (!c.codes().isEmpty()) {
                r.add(reason(col + " IS NOT NULL AND " + col + " NOT IN (" + c.codes().stream().map(Sql::literal)
                        .collect(Collectors.joining(", ")) + ")", c, "not one of the allowed codes"));
            }
            if (c.isTemporal() && !c.futureAllowed()) {
                r.add(reason("CAST(" + col + " AS DATE) > DATE " + Sql.literal(extractDate.toString()), c,
                        "date after the extract date " + extractDate));
            }
        }
        for (List<String> pair : contract.dateOrder()) {
            ColumnContract start = contract.column(pair.get(0)).orElseThrow();
            ColumnContract end = contract.column(pair.get(1)).orElseThrow();
            if (isPresent(start) && isPresent(end)) {
                r.add(reason(Sql.ident(end.name()) + " < " + Sql.ident(start.name()), end,
                        "ends before it starts (" + start.name() + ")"));
            }
        }
        if (!contract.primaryKey().isEmpty() && contract.primaryKey().stream()
                .allMatch(k -> contract.column(k).map(this::isPresent).orElse(false))) {
            String notNull = contract.primaryKey().stream().map(k -> Sql.ident(k) + " IS NOT NULL")
                    .collect(Collectors.joining(" AND "));
            r.add("CASE WHEN _dup > 1 AND " + notNull + " THEN " + Sql.literal(contract.primaryKey().get(0)
                    + "|duplicate key: an earlier row has the same " + String.join(", ", contract.primaryKey()))
                    + " END");
        }
        return r;
    }

    private static String reason(String condition, ColumnContract c, String text) {
        return "CASE WHEN " + condition + " THEN " + Sql.literal(c.name() + "|" + text) + " END";
    }

    private static String typeProblem(ColumnContract c) {
        return switch (c.type()) {
            case "date" -> "not a date (expected " + DATE_FORMATS + ")";
            case "timestamp" -> "not a date and time (expected " + DATE_FORMATS + ")";
            case "integer" -> "not a whole number";
            case "double" -> "not a number";
            case "boolean" -> "not a yes/no value";
            default -> "not a valid " + c.type();
        };
    }

    private boolean isPresent(ColumnContract c) {
        return present.contains(c.name().toLowerCase(Locale.ROOT));
    }

    private static String trimmed(ColumnContract c) {
        return "NULLIF(TRIM(raw." + Sql.ident(c.name()) + "), '')";
    }

    static String sqlType(ColumnContract c) {
        return c.type().toUpperCase(Locale.ROOT);
    }

    /** Typed value; dates accept ISO, dd/mm/yyyy and Excel-style datetimes, as case systems export them. */
    private static String typed(ColumnContract c) {
        String v = trimmed(c);
        return switch (c.type()) {
            case "date" -> "coalesce(try_cast(" + v + " AS DATE), try_cast(try_strptime(" + v
                    + ", ['%d/%m/%Y', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M']) AS DATE), try_cast(try_cast(" + v
                    + " AS TIMESTAMP) AS DATE))";
            case "timestamp" -> "coalesce(try_cast(" + v + " AS TIMESTAMP), try_strptime(" + v
                    + ", ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y']))";
            case "integer" -> "try_cast(" + v + " AS INTEGER)";
            case "double" -> "try_cast(" + v + " AS DOUBLE)";
            case "boolean" -> "CASE WHEN upper(" + v + ") IN ('Y', 'YES', '1', 'TRUE', 'T') THEN true "
                    + "WHEN upper(" + v + ") IN ('N', 'NO', '0', 'FALSE', 'F') THEN false END";
            default -> c.codeDescriptions().isEmpty() ? v : mapDescriptions(v, c.codeDescriptions());
        };
    }

    private static String mapDescriptions(String v, Map<String, String> descriptions) {
        StringBuilder s = new StringBuilder("CASE upper(" + v + ")");
        descriptions.forEach((desc, code) -> s.append(" WHEN ").append(Sql.literal(desc)).append(" THEN ")
                .append(Sql.literal(code)));
        return s.append(" ELSE ").append(v).append(" END").toString();
    }

    /** Line breaks inside quoted values, so quarantined rows can name the line a text editor shows. */
    private String embeddedLineBreaks() {
        return header.stream().map(h -> "coalesce(length(raw." + Sql.ident(h) + ") - length(replace(raw."
                + Sql.ident(h) + ", chr(10), '')), 0)").collect(Collectors.joining(" + "));
    }
}
