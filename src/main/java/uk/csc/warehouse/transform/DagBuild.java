package uk.csc.warehouse.transform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import uk.csc.warehouse.support.CrashPoint;

/**
 * Builds the selected models concurrently on their dependency graph, and runs each model's data tests as soon as
 * the models they read are built, beside the models still building. Most models are small queries DuckDB cannot
 * spread over two cores, and each pays a fixed cost in planning, COMMENTs and its row count: run one after another
 * the cores sit idle half the time. A bounded pool of workers, each with its own connection to the building
 * database (DuckDB runs several connections of one database concurrently, its worker threads shared), keeps them busy.
 * A model starts when every model it reads is built; when several are ready, the one with the longest chain of
 * models waiting on it goes first. The first model or test whose SQL fails stops the scheduling of more work; what
 * is running finishes and that error, naming the model's file or the test, is thrown. A model or test group that runs
 * out of DuckDB's memory (or its temp directory) while others run beside it is not a failure yet: the workers drain
 * and it runs again alone, with the whole memory limit and spill to itself, before the concurrent build resumes. Only
 * one that runs out alone fails the build. At national scale (12 M children, 4 GB) three large models spilling at
 * once needed more memory and disk than any one of them.
 */
final class DagBuild {
    private static final Logger LOG = LoggerFactory.getLogger(DagBuild.class);

    private DagBuild() {}

    /** Workers: {@code -Dcsc.build.workers} or {@code CSC_BUILD_WORKERS}, else one more than the cores (measured). */
    static int workers() {
        String v = System.getProperty("csc.build.workers", System.getenv("CSC_BUILD_WORKERS"));
        if (v != null && !v.isBlank()) {
            try {
                return Math.max(1, Integer.parseInt(v.strip()));
            } catch (NumberFormatException e) {
                throw new BuildFailed("csc.build.workers / CSC_BUILD_WORKERS must be a whole number of workers, e.g. 3; "
                        + "got '" + v + "'");
            }
        }
        return Runtime.getRuntime().availableProcessors() + 1;
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private static final class Node {
        final String label;
        final Work work;
        final int order;
        final boolean model;
        final List<Node> dependants = new ArrayList<>();
        int waiting;
        int height;

        Node(String label, Work work, int order, boolean model) {
            this.label = label;
            this.work = work;
            this.order = order;
            this.model = model;
        }
    }

    /** A node's failure, carrying the node so a memory failure can be run again alone. */
    private static final class NodeFailed extends Exception {
        final Node node;

        NodeFailed(Node node, Throwable cause) {
            super(cause);
            this.node = node;
        }
    }

    /**
     * DuckDB's out-of-memory error (raised also when its temp directory reaches max_temp_directory_size), or its spill
     * failing on a full disk: the failed query's spill files are removed, so alone it may fit.
     */
    static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Out of Memory Error") || m.contains("max_temp_directory_size")
                    || m.contains("No space left on device") && m.contains("duckdb_temp"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Failing rows per test of {@code tests}; the sum of the tests' query times, for the log; and what ran out of
     * memory beside other work and was built again alone.
     */
    record Outcome(long[] failing, long testMillis, List<String> ranAgainAlone) {}

    /**
     * Builds {@code order} (the selection, in build order) and counts every test in {@code tests}; {@code views}: the
     * catalogue's models materialised as views (built or not in this selection), whose tests read copies of them
     * computed once for the build ({@link ViewCopies}).
     */
    static Outcome run(Connection building, List<Model> order, List<DataTest> tests, Map<String, Model> views,
            int workers) throws SQLException {
        ViewCopies copies = ViewCopies.readBy(tests, views);
        ViewCopies.attach(building);
        try {
            return run(building, order, tests, copies, workers);
        } finally {
            ViewCopies.detach(building);
        }
    }

    private static Outcome run(Connection building, List<Model> order, List<DataTest> tests, ViewCopies copies,
            int workers) throws SQLException {
        long[] failing = new long[tests.size()];
        AtomicLong testNanos = new AtomicLong();
        Map<String, Node> models = new LinkedHashMap<>();
        for (Model m : order) {
            models.put(m.qualifiedName(), new Node(m.qualifiedName(), c -> {
                ModelRunner.run(c, m);
                CrashPoint.reached("build.model");
            }, models.size(), true));
        }
        for (Model m : order) {
            for (String ref : m.references()) {
                depend(models.get(m.qualifiedName()), models.get(ref));
            }
        }
        Map<String, List<Integer>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < tests.size(); i++) {
            byModel.computeIfAbsent(tests.get(i).model(), k -> new ArrayList<>()).add(i);
        }
        List<Node> all = new ArrayList<>(models.values());
        Map<String, Node> copied = new HashMap<>();
        for (String view : copies.views()) {
            copied.put(view, new Node("copy of " + view + " for its data tests", c -> {
                long t0 = System.nanoTime();
                copies.copy(c, view);
                testNanos.addAndGet(System.nanoTime() - t0); // the tests' cost: the build itself only defines views
            }, all.size() + copied.size(), false));
        }
        for (String view : copies.views()) {
            Node n = copied.get(view);
            depend(n, models.get(view));
            copies.copiedViewsReadBy(view).forEach(v -> depend(n, copied.get(v)));
            copies.otherModelsReadBy(view).forEach(m -> depend(n, models.get(m)));
        }
        all.addAll(copied.values());
        AtomicInteger testsLeft = new AtomicInteger(tests.size());
        for (Map.Entry<String, List<Integer>> group : byModel.entrySet()) {
            List<Integer> indexes = group.getValue();
            Node n = new Node("data tests of " + group.getKey(), c -> {
                long t0 = System.nanoTime();
                TestQueries.count(c, tests, indexes, failing, copies);
                long took = System.nanoTime() - t0;
                testNanos.addAndGet(took);
                LOG.debug("ran {} data tests of {} in {} ms", indexes.size(), group.getKey(), took / 1_000_000);
                testsLeft.addAndGet(-indexes.size());
            }, all.size(), false);
            depend(n, models.get(group.getKey()));
            depend(n, copied.get(group.getKey()));
            for (int i : indexes) {
                for (String ref : Model.referencesIn(tests.get(i).sql())) {
                    depend(n, models.get(ref)); // a model outside the selection is read as published
                    depend(n, copied.get(ref));
                }
            }
            all.add(n);
        }
        heights(new ArrayList<>(models.values()));
        int modelsLeft = models.size();
        Comparator<Node> first = Comparator.<Node, Boolean>comparing(n -> !n.model)
                .thenComparing(Comparator.<Node>comparingInt(n -> n.height).reversed())
                .thenComparingInt(n -> n.order);
        PriorityQueue<Node> ready = new PriorityQueue<>(first);
        all.stream().filter(n -> n.waiting == 0).forEach(ready::add);
        List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Connection> own = new ThreadLocal<>();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "build-worker");
            t.setDaemon(true);
            return t;
        });
        CompletionService<Node> done = new ExecutorCompletionService<>(pool);
        Set<Node> retried = new HashSet<>();
        Throwable failure = null;
        int inFlight = 0;
        int finished = 0;
        ArrayDeque<Node> again = new ArrayDeque<>(); // ran out of memory beside others: each runs again alone
        boolean alone = false;
        try {
            while (true) {
                if (!again.isEmpty() && inFlight == 0 && failure == null) {
                    Node n = again.poll();
                    LOG.warn("running {} again alone, with the whole of DuckDB's memory limit and temp directory",
                            n.label);
                    submit(done, n, building, connections, own, mdc);
                    inFlight++;
                    alone = true;
                }
                while (failure == null && again.isEmpty() && !alone && inFlight < workers && !ready.isEmpty()) {
                    submit(done, ready.poll(), building, connections, own, mdc);
                    inFlight++;
                }
                if (inFlight == 0) {
                    break;
                }
                Future<Node> f = done.take();
                inFlight--;
                try {
                    Node n = f.get();
                    alone = false;
                    finished++;
                    if (n.model && --modelsLeft == 0) {
                        LOG.info("built {} models; running {} data tests ({} already run beside the models)",
                                models.size(), testsLeft.get(), tests.size() - testsLeft.get());
                    }
                    for (Node d : n.dependants) {
                        if (--d.waiting == 0) {
                            ready.add(d);
                        }
                    }
                } catch (ExecutionException e) {
                    NodeFailed nf = (NodeFailed) e.getCause();
                    boolean beside = !alone && workers > 1;
                    alone = false;
                    if (failure == null && beside && outOfMemory(nf.getCause()) && retried.add(nf.node)) {
                        LOG.warn("{} ran out of DuckDB's memory beside other work; it runs again alone once the "
                                + "workers have finished what they hold", nf.node.label);
                        again.add(nf.node);
                    } else {
                        failure = failure == null ? nf.getCause() : failure;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } finally {
            pool.shutdownNow();
            for (Connection c : connections) {
                c.close();
            }
        }
        if (failure instanceof SQLException s) {
            throw s;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new SQLException("build interrupted", failure);
        }
        if (finished != all.size()) {
            throw new IllegalStateException("models reference each other in a cycle; " + (all.size() - finished)
                    + " models and test groups never became ready");
        }
        if (models.isEmpty()) {
            LOG.info("built 0 models; running {} data tests", tests.size());
        }
        return new Outcome(failing, testNanos.get() / 1_000_000, retried.stream().map(n -> n.label).sorted().toList());
    }

    private static void submit(CompletionService<Node> done, Node n, Connection building, List<Connection> connections,
            ThreadLocal<Connection> own, Map<String, String> mdc) {
        done.submit(() -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try {
                Connection c = own.get();
                if (c == null) {
                    c = building.unwrap(DuckDBConnection.class).duplicate();
                    connections.add(c);
                    own.set(c);
                }
                n.work.run(c);
            } catch (SQLException | RuntimeException | Error e) {
                throw new NodeFailed(n, e);
            }
            return n;
        });
    }

    private static void depend(Node dependant, Node on) {
        if (on != null && on != dependant) {
            on.dependants.add(dependant);
            dependant.waiting++;
        }
    }

    /** Each model's height: the longest chain of models that wait on it (the critical path goes first). */
    private static void heights(List<Node> models) {
        Map<Node, Integer> memo = new HashMap<>();
        for (Node n : models) {
            n.height = height(n, memo);
        }
    }

    private static int height(Node n, Map<Node, Integer> memo) {
        Integer known = memo.get(n);
        if (known != null) {
            return known;
        }
        int h = 0;
        for (Node d : n.dependants) {
            if (d.model) {
                h = Math.max(h, 1 + height(d, memo));
            }
        }
        memo.put(n, h);
        return h;
    }
}
