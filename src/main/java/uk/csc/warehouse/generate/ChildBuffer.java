package uk.csc.warehouse.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds one child's rows until their journey is simulated, because whether an episode belongs in the
 * extract (and so whether the child appears at all) is only known once it has ended.
 */
final class ChildBuffer {
    private final List<TableWriter.Row> rows = new ArrayList<>();
    private final Workforce workforce;

    ChildBuffer(Workforce workforce) {
        this.workforce = workforce;
    }

    void add(TableWriter.Row row) {
        rows.add(row);
    }

    int mark() {
        return rows.size();
    }

    /** Drops what was added since {@code mark}: an episode that closed before the history window. */
    void discardFrom(int mark) {
        rows.subList(mark, rows.size()).clear();
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void flush() {
        for (TableWriter.Row r : rows) {
            r.writeNow();
            if (r.writer().table().equals("ssd_involvements")) {
                workforce.countInvolvement(r);
            }
        }
        rows.clear();
    }

    void clear() {
        rows.clear();
    }
}
