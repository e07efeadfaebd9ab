package uk.csc.warehouse.annexa;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a list left blank in a column the template requires, so the Summary sheet's warning names
 * them (sheet row and Child Unique ID) and a team can find and correct each record before the workbook goes.
 * Only the first few are named per column: a column blank on every row is a missing source, not a list of
 * records to correct.
 */
final class BlankRows {
    static final int NAMED = 20;

    private final List<List<String>> rows = new ArrayList<>();
    private final long[] counts;

    BlankRows(int columns) {
        counts = new long[columns];
        for (int i = 0; i < columns; i++) {
            rows.add(new ArrayList<>());
        }
    }

    /** sheetRow: the 0-based row index in the sheet (the header is 0). */
    void add(int column, long sheetRow, String childId) {
        counts[column]++;
        if (rows.get(column).size() < NAMED) {
            // Sheet row as Excel numbers it: the header is row 1.
            rows.get(column).add("row " + (sheetRow + 1) + (childId == null ? "" : " (" + childId + ")"));
        }
    }

    /** "; rows 2 (P1), 5 (P7) and 3 more", or empty when no row was recorded. */
    String naming(int column) {
        List<String> named = rows.get(column);
        if (named.isEmpty()) {
            return "";
        }
        long more = counts[column] - named.size();
        return ": " + String.join(", ", named) + (more > 0 ? " and " + more + " more" : "");
    }
}
