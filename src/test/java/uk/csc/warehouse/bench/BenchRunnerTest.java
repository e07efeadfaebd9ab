package uk.csc.warehouse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark runner itself (bench/run.sh) on size S, --quick (10,000 children, 3 years: generate, floor,
 * nightly run), as the benchmarks issue asks: it runs, and writes a well-formed result file with the machine, the
 * floor, the ingest ratio and the nightly figures. The full stages of S and the heavier sizes (M, L, XL) are run
 * by hand, not in CI. Tagged "bench": out of the default suite, run by {@code mvn -Pbench test} (and by .ci/run).
 */
@Tag("bench")
class BenchRunnerTest {

    @Test
    void sQuickRunWritesAWellFormedResultFile(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/time")), "GNU time is not installed");
        Path script = Path.of("bench", "run.sh").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(script), "run from the project root");
        Path results = tmp.resolve("results");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "--quick",
                "--classpath", System.getProperty("java.class.path"),
                "--work", tmp.resolve("work").toString(), "--results", results.toString(), "S")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("run.log").toFile());
        pb.environment().put("CSC_BENCH_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "bench/run.sh S did not finish in 5 minutes");
        String log = Files.readString(tmp.resolve("run.log"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);

        List<Path> files;
        try (Stream<Path> s = Files.list(results)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), "one result file: " + files);
        assertTrue(files.get(0).getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}-S\\.md"), files.get(0).toString());
        String md = Files.readString(files.get(0), StandardCharsets.UTF_8);
        for (String section : List.of("# Benchmark S", "## Machine", "## Input", "## Ingest against the floor",
                "## Stages", "## Targets", "| cores | ", "| load average at start (1, 5, 15 min) | ")) {
            assertTrue(md.contains(section), "missing '" + section + "' in\n" + md);
        }
        assertTrue(number(md, "\\| \\*\\*floor: DuckDB read_csv -> COPY parquet\\*\\*[^|]*\\| \\*\\*([0-9.]+)\\*\\*") > 0, md);
        assertTrue(number(md, "\\| \\*\\*project ingest\\*\\*[^|]*\\| \\*\\*([0-9.]+)\\*\\*") > 0, md);
        assertTrue(number(md, "\\| \\*\\*nightly cycle: `run`\\*\\* on a fresh copy \\| \\*\\*([0-9.]+)\\*\\*") > 0, md);
        assertTrue(number(md, "\\| \\*\\*nightly cycle[^\\n]*\\| \\*\\*([0-9]+)\\*\\* \\| exit 0") > 50, "peak RSS in MB: " + md);
        assertTrue(md.matches("(?s).*\\| ingest throughput vs DuckDB read_csv->parquet floor \\| [0-9]+ % \\| >= 80 % \\| (met|NOT met) \\|.*"), md);
        assertTrue(md.matches("(?s).*\\| case \\| [0-9]+ \\| .*"), "per-source table: " + md);
        assertTrue(!md.contains("nan") && !md.contains("inf |"), "a figure failed to compute: " + md);
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        return Double.parseDouble(m.group(1));
    }
}
