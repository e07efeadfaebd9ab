package uk.csc.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import uk.csc.warehouse.cli.Main;
import uk.csc.warehouse.ingest.LoadReport;

/**
 * A hand-built cohort loaded and built once per test JVM, then copied whole (inbox, lake, archive, reference,
 * ops, warehouse.duckdb) into each test's own folder: a test that needs the cohort as any first load and build
 * leaves it gets exactly that, and may change its copy freely. A build is the suite's dominant cost (~10 s of
 * fixed work whatever the cohort's size); a copy is a few hundred milliseconds.
 *
 * <p>Only for tests that load and build the cohort unchanged: a test that edits the inbox or the settings
 * before its first build still uses {@link TestAuthority#fromCohort}.
 */
public final class BuiltCohorts {
    private record Built(Path dir, LoadReport load) {}

    private static final ConcurrentHashMap<String, Built> BUILT = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Path> AFTER_RUN = new ConcurrentHashMap<>();
    private static Path base;

    private BuiltCohorts() {}

    /** {@code cohort} loaded and built, copied into {@code root} (which must not exist or be empty). */
    public static TestAuthority copy(String cohort, Path root) throws IOException {
        copyTree(built(cohort).dir(), root);
        return TestAuthority.at(root);
    }

    /** {@code cohort} after one nightly {@code run} typed at the command line (ledger, out/ and all), copied. */
    public static TestAuthority copyAfterRun(String cohort, Path root) throws IOException {
        Path dir = AFTER_RUN.computeIfAbsent(cohort, name -> {
            try {
                Path d = base().resolve(name + "-after-run");
                TestAuthority.fromCohort(name, d);
                int exit = Main.execute("run", "--data-dir", d.toString());
                if (exit != 0) {
                    throw new IllegalStateException("run on cohort " + name + " exited " + exit);
                }
                return d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        copyTree(dir, root);
        return TestAuthority.at(root);
    }

    /** What the cohort's one load reported (the same for every copy). */
    public static LoadReport loadReport(String cohort) {
        return built(cohort).load();
    }

    private static Built built(String cohort) {
        return BUILT.computeIfAbsent(cohort, name -> {
            try {
                Path dir = base().resolve(name);
                TestAuthority a = TestAuthority.fromCohort(name, dir);
                LoadReport load = a.load();
                a.build();
                return new Built(dir, load);
            } catch (Exception e) {
                throw new IllegalStateException("could not load and build cohort " + name, e);
            }
        });
    }

    private static synchronized Path base() throws IOException {
        if (base == null) {
            base = Files.createTempDirectory("csc-built-cohorts");
            Path made = base;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made)));
        }
        return base;
    }

    /** Copies files and folders with their permissions (the lake and archive are owner-only). */
    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(dir));
                } else {
                    Files.copy(dir, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
