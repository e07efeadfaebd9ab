package uk.csc.warehouse.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import uk.csc.warehouse.contract.ColumnContract;
import uk.csc.warehouse.contract.TableContract;
import uk.csc.warehouse.support.Sql;

/**
 * Turns a contract into the SQL that types every value and lists, per row, the rules it breaks, so the
 * whole check is one DuckDB pass over the file. A reason is {@code "<column>|<reason>"}.
 * Rules: missing-value tokens are NULL (schemas/_load_rules.yml), type (only shapes that mean one value: no
 * rounding, no two-digit years), required, yes/no domain, code list (descriptions mapped to codes first), no date
 * after the extract date, end not before start, no duplicate key. References to parents are checked after
 * landing (ReferenceCheck). The rules as users read them: docs/ingest.md.
 */
final class RowChecks {
    static final String DATE_FORMATS = "yyyy-mm-dd, dd/mm/yyyy or yyyy-mm-dd hh:mm:ss, with a four-digit year";
    /** The yes/no spellings case systems send, as reference.yes_no reads them in staging (sql/macros/flags.sql). */
    static final List<String> YES_NO = List.of("Y", "YES", "1", "TRUE", "T", "N", "NO", "0", "FALSE", "F");

    // The only shapes a date is read from; anything else (a two-digit year, trailing text, 2024/03/01) is not
    // guessed at. DuckDB's own cast would read 14/03/12 as the year 14 and "2024-03-01 x" as 1 March.
    private static final String ISO_LOCAL = "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?)?";
    private static final String UK = "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?";
    private static final String ISO_OFFSET = "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?"
            + " ?(Z|[+-][0-9]{2}(:?[0-9]{2})?)";
    private static final String INTEGER = "[+-]?[0-9]+";
    private static final String NUMBER = "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?";

    private final TableContract contract;
    /** Contract column (lower case) to the name the file's header gives it (the column's own name or an alias). */
    private final Map<String, String> headerNames;
    private final LocalDate extractDate;
    private final List<String> missingValues;

    RowChecks(TableContract contract, List<String> header, LocalDate extractDate, List<String> missingValues) {
        this.contract = contract;
        this.headerNames = new HashMap<>();
        for (String h : header) {
            contract.column(h).ifPresent(c -> headerNames.putIfAbsent(c.name().toLowerCase(Locale.ROOT), h));
        }
        this.extractDate = extractDate;
        this.missingValues = missingValues.stream().map(v -> v.trim().toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /**
     * SELECT over {@code raw} (all-VARCHAR, rowid = record order) producing the typed columns, {@code _rid},
     * {@code _line} (the line the record starts on, from {@code lineExpr} over {@code typed} and the tables
     * {@code lineJoins} brings in), {@code _dup} and {@code _bad}. Every row pays only for a boolean; the reasons are spelled
     * out ({@link #reasonList()}) for the bad rows alone. Duplicate keys are joined in only when the caller has
     * found some (a cheap hash aggregate), so the common case keeps the file's order without sorting.
     */
    String checkedSelect(String lineExpr, String lineJoins, boolean hasDuplicates) {
        return checkedSelect("raw", lineExpr, lineJoins, hasDuplicates);
    }

    /** The same over {@code source}: a relation named {@code raw} with the file's columns as text and {@code rowid}. */
    String checkedSelect(String source, String lineExpr, String lineJoins, boolean hasDuplicates) {
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
        StringBuilder sql = new StringBuilder("WITH typed AS (SELECT " + String.join(", ", inner) + " FROM " + source + "),"
                + " placed AS (SELECT typed.*, " + lineExpr + " AS _line FROM typed" + lineJoins + ")");
        String from = " FROM placed";
        String dup = "false";
        if (hasDuplicates && checksDuplicates()) {
            String keys = contract.primaryKey().stream().map(Sql::ident).collect(Collectors.joining(", "));
            sql.append(", first_of_key AS (").append(duplicateKeys()).append(")");
            from = " FROM placed LEFT JOIN first_of_key USING (" + keys + ")";
            dup = "coalesce(placed._rid <> first_of_key._first, false)";
        }
        List<String> conditions = new ArrayList<>();
        checks().forEach(check -> conditions.add("coalesce(" + check.condition() + ", false)"));
        String bad = conditions.isEmpty() ? "_dup" : String.join(" OR ", conditions) + " OR _dup";
        return sql.append(" SELECT *, ").append(bad).append(" AS _bad FROM (SELECT placed.*, ").append(dup)
                .append(" AS _dup").append(from).append(")").toString();
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

    /** How many keys occur more than once among the rows landed in {@code parquet} (typed as the lake holds them). */
    String duplicateKeysIn(java.nio.file.Path parquet) {
        String names = contract.primaryKey().stream().map(Sql::ident).collect(Collectors.joining(", "));
        String notNull = contract.primaryKey().stream().map(k -> Sql.ident(k) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        return "SELECT count(*) FROM (SELECT " + names + " FROM read_parquet(" + Sql.literal(parquet) + ") WHERE "
                + notNull + " GROUP BY " + names + " HAVING count(*) > 1)";
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
            if (c.yesNo()) {
                List<String> allowed = new ArrayList<>(YES_NO);
                if (c.notApplicableAllowed()) {
                    allowed.add("NA");
                }
                r.add(new Check(col + " IS NOT NULL AND upper(" + col + ") NOT IN (" + allowed.stream().map(Sql::literal)
                        .collect(Collectors.joining(", ")) + ")", c.name() + "|not a yes/no value (expected Y/N,"
                        + " Yes/No, 1/0 or True/False" + (c.notApplicableAllowed() ? ", or NA" : "") + ")"));
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
            case "integer" -> "not a whole number (a decimal is not rounded)";
            case "double" -> "not a number (expected digits with a decimal point, e.g. 12.5)";
            case "boolean" -> "not a yes/no value";
            default -> "not a valid " + c.type();
        };
    }

    private boolean isPresent(ColumnContract c) {
        return headerNames.containsKey(c.name().toLowerCase(Locale.ROOT));
    }

    /** The value with its spaces trimmed, NULL when it is one of the contracts' missing-value tokens. */
    private String trimmed(ColumnContract c) {
        return "CASE WHEN " + missing(c) + " THEN NULL ELSE " + spacesTrimmed(c) + " END";
    }

    private String spacesTrimmed(ColumnContract c) {
        return "trim(raw." + Sql.ident(headerNames.get(c.name().toLowerCase(Locale.ROOT))) + ")";
    }

    /** The value is a missing-value token; strlen (the stored length) spares long values an upper-casing. */
    private String missing(ColumnContract c) {
        String v = spacesTrimmed(c);
        int longest = missingValues.stream().mapToInt(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .max().orElse(0);
        return "(strlen(" + v + ") <= " + longest + " AND upper(" + v + ") IN (" + missingValues.stream()
                .map(Sql::literal).collect(Collectors.joining(", ")) + "))";
    }

    static String sqlType(ColumnContract c) {
        return c.type().toUpperCase(Locale.ROOT);
    }

    /**
     * Typed value. Dates and times are read from ISO (2024-03-01, 2024-03-01T10:30:00) and UK (01/03/2024,
     * 01/03/2024 10:30) shapes only. A time-zone offset (Z, +01:00) is converted to UK local time before a date is
     * taken from it, so 2024-03-31T23:30:00-02:00 is 1 April, the day it was in England; a value without an offset
     * is UK local time already. A date column keeps the date of a date and time.
     */
    private String typed(ColumnContract c) {
        if ("varchar".equals(c.type())) {
            String v = trimmed(c);
            return c.codeDescriptions().isEmpty() ? v : mapDescriptions(v, c.codeDescriptions());
        }
        // The token test once, then the value parsed from its trimmed text (cheaper than repeating the test).
        return "CASE WHEN " + missing(c) + " THEN NULL ELSE " + parsed(c, spacesTrimmed(c)) + " END";
    }

    private static String parsed(ColumnContract c, String v) {
        return switch (c.type()) {
            case "date" -> "CAST(" + timestamp(v) + " AS DATE)";
            case "timestamp" -> timestamp(v);
            case "integer" -> "CASE WHEN regexp_full_match(" + v + ", '" + INTEGER + "') THEN try_cast(" + v
                    + " AS INTEGER) END";
            case "double" -> "CASE WHEN regexp_full_match(" + v + ", '" + NUMBER + "') THEN try_cast(" + v
                    + " AS DOUBLE) END";
            case "boolean" -> "CASE WHEN upper(" + v + ") IN ('Y', 'YES', '1', 'TRUE', 'T') THEN true "
                    + "WHEN upper(" + v + ") IN ('N', 'NO', '0', 'FALSE', 'F') THEN false END";
            default -> throw new IllegalArgumentException(c.name() + ": unknown type " + c.type());
        };
    }

    private static String timestamp(String v) {
        // yyyy-mm-dd, the commonest shape, by a strict parse without a regular expression: exactly ten
        // characters, four before the first dash, and strptime takes nothing it cannot read.
        return "CASE WHEN strlen(" + v + ") = 10 AND " + v + "[5] = '-' THEN try_strptime(" + v + ", '%Y-%m-%d')"
                + " WHEN regexp_full_match(" + v + ", '" + ISO_LOCAL + "') THEN try_cast(" + v + " AS TIMESTAMP)"
                + " WHEN regexp_full_match(" + v + ", '" + UK + "') THEN try_strptime(" + v
                + ", ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y'])"
                + " WHEN regexp_full_match(" + v + ", '" + ISO_OFFSET + "') THEN timezone('Europe/London', try_cast("
                + v + " AS TIMESTAMPTZ)) END";
    }

    private static String mapDescriptions(String v, Map<String, String> descriptions) {
        StringBuilder s = new StringBuilder("CASE upper(" + v + ")");
        descriptions.forEach((desc, code) -> s.append(" WHEN ").append(Sql.literal(desc)).append(" THEN ")
                .append(Sql.literal(code)));
        return s.append(" ELSE ").append(v).append(" END").toString();
    }
}
