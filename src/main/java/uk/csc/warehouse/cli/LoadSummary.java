package uk.csc.warehouse.cli;

import uk.csc.warehouse.ingest.LoadReport;

/** Prints what a load did and turns quarantined files into a non-zero exit naming the first one. */
final class LoadSummary {
    static final int QUARANTINED = 2;

    private LoadSummary() {}

    static int print(LoadReport report) {
        for (LoadReport.FileResult r : report.results()) {
            System.out.printf("%-11s %-10s %-32s %,12d rows%s%n", r.status(), r.source(), r.file(), r.rowsLoaded(),
                    r.reason() == null ? "" : "  " + r.reason());
        }
        System.out.printf("load: %d file(s), %,d rows loaded, %d quarantined%n", report.results().size(),
                report.rowsLoaded(), report.quarantined().size());
        if (!report.quarantined().isEmpty()) {
            System.err.println("load: " + report.quarantined().size() + " file(s) quarantined; first: "
                    + report.quarantined().get(0).reason());
            return QUARANTINED;
        }
        return 0;
    }
}
