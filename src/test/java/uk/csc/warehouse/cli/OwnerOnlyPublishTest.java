package uk.csc.warehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The published warehouse.duckdb, out/ and the files in it are owner-only whatever the umask: a `run` in a child
 * JVM under umask 000 (where a file created plainly is rw-rw-rw-, as the control file shows) publishes them
 * rw------- / rwx------.
 */
class OwnerOnlyPublishTest {

    @Test
    void the_warehouse_and_out_are_owner_only_under_an_open_umask(@TempDir Path root) throws Exception {
        TestAuthority.fromCohort("front_door", root);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path control = root.resolve("control");
        Process p = new ProcessBuilder("bash", "-c", "umask 000 && touch \"$1\" && shift && exec \"$@\"", "umask-000",
                control.toString(), java, "-cp", System.getProperty("java.class.path"), "uk.csc.warehouse.cli.Main",
                "run", "--data-dir", root.toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("child.log").toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("run did not finish: " + Files.readString(root.resolve("child.log")));
        }
        assertEquals(0, p.exitValue(), Files.readString(root.resolve("child.log")));
        assertEquals("rw-rw-rw-", perms(control), "the child ran under umask 000");

        assertEquals("rw-------", perms(root.resolve("warehouse.duckdb")));
        assertEquals("rwx------", perms(root.resolve("out")));
        try (var files = Files.list(root.resolve("out"))) {
            List<Path> csvs = files.filter(f -> f.toString().endsWith(".csv")).toList();
            assertEquals(2, csvs.size(), csvs.toString());
            for (Path f : csvs) {
                assertEquals("rw-------", perms(f), f.toString());
            }
        }
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
