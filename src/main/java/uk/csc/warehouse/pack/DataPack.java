package uk.csc.warehouse.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;

/**
 * Writes the annual self-evaluation data pack to {@code DIR/out/pack/<year>/}: {@code data_pack_<year>.xlsx},
 * {@code data_pack_<year>.html}, {@code charts/<indicator>.png} and (once, never overwritten)
 * {@code narrative.md}. Every file is written beside its name and renamed into place.
 */
public final class DataPack {
    private static final Logger LOG = LoggerFactory.getLogger(DataPack.class);

    public record Result(Path folder, Path workbook, Path html, Path narrative, List<Path> charts, int indicators,
                         long millis) {
    }

    private DataPack() {}

    public static Path folder(DataDir dataDir, String year) {
        return dataDir.out().resolve("pack").resolve(year);
    }

    public static Result write(DataDir dataDir, String year) throws Exception {
        return write(dataDir, year, false);
    }

    /** @param includeIncompleteHistory also show periods before the case extract's history is complete */
    public static Result write(DataDir dataDir, String year, boolean includeIncompleteHistory) throws Exception {
        long started = System.nanoTime();
        PackData.checkYear(year);
        if (!Files.exists(dataDir.warehouse())) {
            throw new IllegalStateException("no warehouse at " + dataDir.warehouse() + ": run build first");
        }
        PackData data;
        try (Connection c = DuckDb.readOnly(dataDir.warehouse())) {
            data = PackData.read(c, year, includeIncompleteHistory);
        }
        Path folder = folder(dataDir, year);
        Files.createDirectories(folder);
        Narrative narrative = Narrative.load(folder.resolve("narrative.md"), data.sections, year);
        Path scratch = folder.resolve(".charts.tmp");
        Path chartDir = folder.resolve("charts");
        Files.createDirectories(chartDir);
        Path workbook = folder.resolve("data_pack_" + year + ".xlsx");
        String who = data.authority.name() == null ? "Local" : data.authority.name();
        // The workbook does not need the pictures: it is written while the charts are drawn, and the charts
        // (about 80 ms each, a hundred of them) are drawn on every core.
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pack-" + year);
            t.setDaemon(true);
            return t;
        });
        Map<String, ChartRenderer.Chart> charts = new LinkedHashMap<>();
        List<Path> pngs = new ArrayList<>();
        try {
            Future<?> book = pool.submit(() -> {
                new WorkbookWriter().write(data, narrative, workbook);
                return null;
            });
            Map<String, Future<ChartRenderer.Chart>> drawn = new LinkedHashMap<>();
            for (Section s : data.sections) {
                for (PackData.Row r : data.charted(s)) {
                    drawn.put(r.code(), pool.submit(() -> {
                        ChartRenderer.Chart chart = ChartRenderer.render(r, data.months(r.code()), who);
                        Path png = chartDir.resolve(r.code() + ".png");
                        Path tmp = chartDir.resolve("." + r.code() + ".png.tmp");
                        Files.write(tmp, chart.png());
                        Files.move(tmp, png, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        return chart;
                    }));
                }
            }
            for (Map.Entry<String, Future<ChartRenderer.Chart>> e : drawn.entrySet()) {
                charts.put(e.getKey(), get(e.getValue()));
                pngs.add(chartDir.resolve(e.getKey() + ".png"));
            }
            get(book);
        } finally {
            pool.shutdownNow();
        }
        deleteTree(scratch);
        // a chart of an indicator no longer charted must not be left to be pasted into a report
        try (Stream<Path> old = Files.list(chartDir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".png") && !pngs.contains(p)).toList()) {
                Files.deleteIfExists(p);
            }
        }
        Path html = folder.resolve("data_pack_" + year + ".html");
        HtmlWriter.write(data, narrative, charts, html);
        int indicators = data.rowsBySection.values().stream().mapToInt(List::size).sum();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("pack {}: {} indicators, {} charts in {} ms", year, indicators, pngs.size(), millis);
        return new Result(folder, workbook, html, folder.resolve("narrative.md"), pngs, indicators, millis);
    }

    private static <T> T get(Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
