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
    private final Representations representations;

    ChildBuffer(Workforce workforce) {
        this(workforce, null);
    }

    /** {@code representations} (may be null) sees each child's rows as written, to raise complaints about real cases. */
    ChildBuffer(Workforce workforce, Representations representations) {
        this.workforce = workforce;
        this.representations = representations;
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
        List<TableWriter.Row> written = new ArrayList<>(rows.size() + 4);
        for (TableWriter.Row r : rows) {
            if (r.writer().table().equals("ssd_involvements")) {
                for (TableWriter.Row x : workforce.handOver(r)) {
                    x.writeNow();
                    workforce.countInvolvement(x);
                    written.add(x);
                }
            } else {
                r.writeNow();
                written.add(r);
            }
        }
        if (representations != null) {
            representations.observeChild(written);
        }
        rows.clear();
    }

    void clear() {
        rows.clear();
    }
}
