package uk.csc.warehouse.transform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.support.CrashPoint;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * Builds the warehouse from the lake: reference data, then every model on its dependency graph with each
 * model's data tests beside the models still building ({@link DagBuild}). It builds a new file beside the
 * published one and renames it into place only when every error test passes, so analysts reading
 * {@code warehouse.duckdb} are never locked out and never see half a build.
 */
public final class WarehouseBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseBuilder.class);
    private static final List<String> SCHEMAS = List.of("ops", "reference", "staging", "intermediate", "marts");

    public record TestFailure(String model, String test, long failingRows) {
        @Override
        public String toString() {
            return model + " " + test + ": " + failingRows + " failing row(s)";
        }
    }

    /** {@code warnings}: tests of severity warn that found rows (recorded in ops.data_test_results; published). */
    public record BuildResult(Path warehouse, int models, int tests, long millis, int warnings) {
        public BuildResult(Path warehouse, int models, int tests, long millis) {
            this(warehouse, models, tests, millis, 0);
        }
    }

    private final ModelCatalog models;
    private final ContractCatalog contracts;

    public WarehouseBuilder(ModelCatalog models, ContractCatalog contracts) {
        this.models = models;
        this.contracts = contracts;
    }

    public static WarehouseBuilder fromClasspath() {
        DuckDb.preload();
        return new WarehouseBuilder(ModelCatalog.fromClasspath(), ContractCatalog.fromClasspath());
    }

    public BuildResult build(DataDir dataDir) throws SQLException, IOException {
        return build(dataDir, ModelSelection.ALL);
    }

    /**
     * Builds the selected models only (see {@link ModelSelection}) into a copy of the published warehouse, so
     * the others are read as published; every data test still runs before the copy replaces the published file.
     */
    public BuildResult build(DataDir dataDir, ModelSelection selection) throws SQLException, IOException {
        long started = System.nanoTime();
        Path building = dataDir.root().resolve("warehouse.duckdb.building");
        Path scratch = dataDir.root().resolve(".build");
        Files.createDirectories(dataDir.root());
        Files.deleteIfExists(building);
        Files.deleteIfExists(Path.of(building + ".wal"));
        List<Model> order = selection.models(models);
        if (!selection.isAll()) {
            if (!Files.isRegularFile(dataDir.warehouse())) {
                throw new BuildFailed("build --select " + selection + " rebuilds part of the published warehouse, "
                        + "and there is none yet in " + dataDir.root() + "; run build without --select first");
            }
            Files.copy(dataDir.warehouse(), building);
            LOG.info("building {} ({} models) over a copy of the published warehouse", selection, order.size());
        }
        List<TestFailure> failures;
        List<TestFailure> warnings = new ArrayList<>();
        try (Connection c = DuckDb.file(building)) {
            try (Statement st = c.createStatement()) {
                // ops holds this build's own records (snapshots read, loads, ledger, test results): never a copy's
                st.execute("DROP SCHEMA IF EXISTS ops CASCADE");
                for (String schema : SCHEMAS) {
                    st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                }
                DuckDb.spillTo(st, scratch.resolve("spill"));
            }
            long t0 = System.nanoTime();
            LakeSources.attach(c, dataDir.lake(), contracts);
            long t1 = System.nanoTime();
            ReferenceData.load(c, dataDir.reference(), scratch);
            long t2 = System.nanoTime();
            OperationsRecords.copy(c, dataDir.root().resolve("ops"));
            DataQualityHistory.carry(c, dataDir.warehouse(), scratch);
            long t3 = System.nanoTime();
            try (Statement st = c.createStatement()) {
                for (String script : models.macroScripts()) {
                    st.execute(script); // after the seeds: a macro binds the tables it reads when created
                }
            }
            LOG.info("prepared the build in {} ms: lake views {} ms, reference data {} ms, ops records and "
                    + "data-quality history {} ms, macros {} ms", ms(t0, System.nanoTime()), ms(t0, t1), ms(t1, t2),
                    ms(t2, t3), ms(t3, System.nanoTime()));
            int workers = DagBuild.workers();
            Map<String, Model> views = models.models().values().stream()
                    .filter(m -> "view".equals(m.materialized()))
                    .collect(Collectors.toMap(Model::qualifiedName, m -> m));
            DagBuild.Outcome outcome = DagBuild.run(c, order, models.tests(), views, workers);
            DataQualityHistory.record(c);
            LOG.info("ran {} data tests beside the models on {} workers ({} ms of test queries)",
                    models.tests().size(), workers, outcome.testMillis());
            failures = record(c, outcome.failing(), warnings);
            LakeSources.detach(c);
            try (Statement st = c.createStatement()) {
                st.execute("CHECKPOINT");
            }
        }
        if (!failures.isEmpty()) {
            Path failed = dataDir.root().resolve("warehouse.failed.duckdb");
            Files.move(building, failed, StandardCopyOption.REPLACE_EXISTING);
            failures.forEach(f -> LOG.error("data test failed: {}", f));
            throw new BuildFailed(failures.size() + " data test(s) failed, first: " + failures.get(0)
                    + "; the previous warehouse is unchanged, this build is kept as " + failed.getFileName());
        }
        warnings.forEach(w -> LOG.warn("data test warning (published anyway): {}", w));
        CrashPoint.reached("build.before-publish");
        Files.move(building, dataDir.warehouse(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("published {} ({} models, {} tests passed, {} warning(s)) in {} ms", dataDir.warehouse(), order.size(),
                models.tests().size() - warnings.size(), warnings.size(), millis);
        return new BuildResult(dataDir.warehouse(), order.size(), models.tests().size(), millis, warnings.size());
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Records every test's result; returns the failed error tests and adds the failed warn tests to {@code warnings}. */
    private List<TestFailure> record(Connection c, long[] failing, List<TestFailure> warnings) throws SQLException {
        List<DataTest> tests = models.tests();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE ops.data_test_results (model VARCHAR, test VARCHAR, "
                    + "failing_rows BIGINT, passed BOOLEAN, severity VARCHAR)");
            st.execute("COMMENT ON TABLE ops.data_test_results IS 'Every data test run by the build that "
                    + "published this warehouse: a test is a query returning the rows that break a rule. severity "
                    + "error: a failure stops publishing; warn: a failure is recorded here and the warehouse published.'");
            st.execute("CREATE OR REPLACE VIEW ops.data_test_warnings AS SELECT model, test, failing_rows "
                    + "FROM ops.data_test_results WHERE severity = 'warn' AND NOT passed ORDER BY model, test");
            st.execute("COMMENT ON VIEW ops.data_test_warnings IS 'The warn-severity data tests that found rows in "
                    + "the build that published this warehouse (what status shows as warnings).'");
            StringBuilder insert = new StringBuilder("INSERT INTO ops.data_test_results VALUES ");
            List<TestFailure> failures = new ArrayList<>();
            for (int i = 0; i < tests.size(); i++) {
                DataTest t = tests.get(i);
                insert.append(i == 0 ? "" : ", ").append("(").append(Sql.literal(t.model())).append(", ")
                        .append(Sql.literal(t.name())).append(", ").append(failing[i]).append(", ")
                        .append(failing[i] == 0).append(", ").append(Sql.literal(t.severity().label())).append(")");
                if (failing[i] > 0) {
                    (t.severity() == DataTest.Severity.ERROR ? failures : warnings)
                            .add(new TestFailure(t.model(), t.name(), failing[i]));
                }
            }
            if (!tests.isEmpty()) {
                st.execute(insert.toString());
            }
            return failures;
        }
    }
}
