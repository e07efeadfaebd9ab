package uk.csc.warehouse.cli;

import uk.csc.warehouse.ingest.LoadReport;

/** Prints what a load did and turns quarantined files into a non-zero exit naming the first one. */
final class LoadSummary {
    static final int QUARANTINED = 2;

    private LoadSummary() {}

    static int print(LoadReport report) {
        if (!report.results().isEmpty()) {
            System.out.printf("%-11s %-10s %-34s %12s %12s %12s  %s%n", "status", "source", "file", "rows read",
                    "loaded", "quarantined", "why");
        }
        for (LoadReport.FileResult r : report.results()) {
            System.out.printf("%-11s %-10s %-34s %,12d %,12d %,12d  %s%n", r.status(), r.source(), r.file(),
                    r.rowsRead(), r.rowsLoaded(), r.rowsQuarantined(), r.reasonsText());
        }
        System.out.printf("load: %d file(s), %,d rows read = %,d loaded + %,d quarantined; %d file(s) refused%n",
                report.results().size(), report.rowsRead(), report.rowsLoaded(), report.rowsQuarantined(),
                report.quarantined().size());
        if (!report.quarantined().isEmpty()) {
            System.err.println("load: " + report.quarantined().size() + " file(s) quarantined; first: "
                    + report.quarantined().get(0).reason());
            return QUARANTINED;
        }
        return 0;
    }
}
