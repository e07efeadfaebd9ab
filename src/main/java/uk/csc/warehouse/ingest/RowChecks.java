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

    /**
     * SELECT over {@code raw} (all-VARCHAR, rowid = record order) producing the typed columns, {@code _rid},
     * {@code _nl} (line breaks inside the record's values), {@code _line} (the line the record starts on, from
     * {@code lineExpr}), {@code _dup} and {@code _bad}. Every row pays only for a boolean; the reasons are spelled
     * out ({@link #reasonList()}) for the bad rows alone. Duplicate keys are joined in only when the caller has
     * found some (a cheap hash aggregate), so the common case keeps the file's order without sorting.
     */
    String checkedSelect(String lineExpr, boolean countEmbeddedLineBreaks, boolean hasDuplicates) {
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
        StringBuilder sql = new StringBuilder("WITH typed AS (SELECT " + String.join(", ", inner) + " FROM raw)");
        String from = " FROM typed";
        String dup = "false";
        if (hasDuplicates && checksDuplicates()) {
            String keys = contract.primaryKey().stream().map(Sql::ident).collect(Collectors.joining(", "));
            sql.append(", first_of_key AS (").append(duplicateKeys()).append(")");
            from = " FROM typed LEFT JOIN first_of_key USING (" + keys + ")";
            dup = "coalesce(typed._rid <> first_of_key._first, false)";
        }
        List<String> conditions = new ArrayList<>();
        checks().forEach(check -> conditions.add("coalesce(" + check.condition() + ", false)"));
        String bad = conditions.isEmpty() ? "_dup" : String.join(" OR ", conditions) + " OR _dup";
        return sql.append(" SELECT *, ").append(bad).append(" AS _bad FROM (SELECT typed.*, ").append(lineExpr)
                .append(" AS _line, ").append(dup).append(" AS _dup").append(from).append(")").toString();
    }

    /** Keys that occur more than once, with the first record holding each; empty when there are none. */
    String duplicateKeys() {
        // Typed exactly as the checked rows are, so the join below matches like for like.
        String keys = contract.primaryKey().stream().map(k -> typed(contract.column(k).orElseThrow()) + " AS "
                + Sql.ident(k)).collect(Collectors.joining(", "));
        String names = contract.primaryKey().stream().map(Sql::ident).collect(Collectors.joining(", "));
        String notNull = contract.primaryKey().stream().map(k -> Sql.ident(k) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        return "SELECT " + names + ", min(_rid) AS _first FROM (SELECT rowid AS _rid, " + keys + " FROM raw) WHERE "
                + notNull + " GROUP BY " + names + " HAVING count(*) > 1";
    }

    /** The reasons a row of {@code checked} breaks, as a list of {@code "<column>|<reason>"}. */
    String reasonList() {
        List<String> r = new ArrayList<>();
        checks().forEach(check -> r.add("CASE WHEN " + check.condition() + " THEN " + Sql.literal(check.reason()) + " END"));
        if (checksDuplicates()) {
            r.add("CASE WHEN _dup THEN " + Sql.literal(contract.primaryKey().get(0)
                    + "|duplicate key: an earlier row has the same " + String.join(", ", contract.primaryKey())) + " END");
        }
        return r.isEmpty() ? "CAST([] AS VARCHAR[])" : "list_filter([" + String.join(", ", r) + "], x -> x IS NOT NULL)";
    }

    private record Check(String condition, String reason) {
    }

    boolean checksDuplicates() {
        return !contract.primaryKey().isEmpty() && contract.primaryKey().stream()
                .allMatch(k -> contract.column(k).map(this::isPresent).orElse(false));
    }

    /** The contract's columns, typed, in contract order: what lands in the lake. */
    String lakeColumns() {
        return contract.columns().stream().map(c -> Sql.ident(c.name())).collect(Collectors.joining(", "));
    }

    private List<Check> checks() {
        List<Check> r = new ArrayList<>();
        for (ColumnContract c : contract.columns()) {
            String col = Sql.ident(c.name());
            if (!isPresent(c)) {
                continue;
            }
            String raw = Sql.ident(c.name() + "__raw");
            if (c.required()) {
                r.add(new Check(raw + " IS NULL", c.name() + "|required value missing"));
            }
            if (!"varchar".equals(c.type())) {
                r.add(new Check(raw + " IS NOT NULL AND " + col + " IS NULL", c.name() + "|" + typeProblem(c)));
            }
            if (!c.codes().isEmpty()) {
                r.add(new Check(col + " IS NOT NULL AND " + col + " NOT IN (" + c.codes().stream().map(Sql::literal)
                        .collect(Collectors.joining(", ")) + ")", c.name() + "|not one of the allowed codes"));
            }
            if (c.isTemporal() && !c.futureAllowed()) {
                r.add(new Check("CAST(" + col + " AS DATE) > DATE " + Sql.literal(extractDate.toString()),
                        c.name() + "|date after the extract date " + extractDate));
            }
        }
        for (List<String> pair : contract.dateOrder()) {
            ColumnContract start = contract.column(pair.get(0)).orElseThrow();
            ColumnContract end = contract.column(pair.get(1)).orElseThrow();
            if (isPresent(start) && isPresent(end)) {
                r.add(new Check(Sql.ident(end.name()) + " < " + Sql.ident(start.name()),
                        end.name() + "|ends before it starts (" + start.name() + ")"));
            }
        }
        return r;
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
