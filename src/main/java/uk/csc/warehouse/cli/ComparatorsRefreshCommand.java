package uk.csc.warehouse.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.csc.warehouse.comparators.LaitRefresh;

@Command(name = "comparators-refresh", mixinStandardHelpOptions = true,
        description = {"Load a newer DfE LAIT data file (bds_long_*.parquet) as the published comparators:",
            "keeps the mapped measures in DIR/reference/lait_values.csv (every later build uses it) and",
            "refreshes the comparator tables of DIR/warehouse.duckdb in place of a full rebuild."})
final class ComparatorsRefreshCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--lait", required = true, paramLabel = "FILE", description = "LAIT bds_long parquet file.")
    Path lait;

    @Override
    public Integer call() throws Exception {
        LaitRefresh.Result r = LaitRefresh.refresh(data.dataDir(), lait);
        System.out.printf("comparators-refresh: %,d published values (LAIT years %s) -> %s%n", r.rows(),
                String.join(", ", r.years()), r.csv());
        System.out.println(r.warehouseRefreshed() ? "comparators-refresh: " + r.models()
                + " comparator models rebuilt in " + data.dataDir().warehouse()
                : "comparators-refresh: no warehouse yet; the next build will use it");
        return 0;
    }
}
