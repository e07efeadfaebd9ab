package uk.csc.warehouse.cli;

import static uk.csc.warehouse.testing.ConsoleCapture.capture;
import uk.csc.warehouse.testing.ConsoleCapture.Captured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command explains itself, and a mistake gets one line saying what is wrong and a non-zero exit. */
class CliTest {

    @Test
    void every_command_has_help_that_explains_it() {
        CommandLine cli = new CommandLine(new Main());
        assertTrue(cli.getSubcommands().size() >= 5);
        for (String name : cli.getSubcommands().keySet()) {
            if ("help".equals(name)) {
                continue;
            }
            Captured c = capture(() -> Main.execute(name, "--help"));
            assertEquals(0, c.exit(), name + " --help");
            assertTrue(c.out().contains("Usage: csc-warehouse " + name), name + ": " + c.out());
            String description = cli.getSubcommands().get(name).getCommandSpec().usageMessage().description()[0];
            assertTrue(description.length() > 20, name + " has a real description");
            String opening = description.substring(0, 30);
            assertTrue(c.out().contains(opening), name + " help shows its description: " + opening);
        }
    }

    @Test
    void after_the_demo_status_reports_a_fresh_successful_nightly(@TempDir Path tmp) {
        Path dir = tmp.resolve("data");
        Captured demo = capture(() -> Main.execute("demo", "--data-dir", dir.toString(), "--children", "2000",
                "--years", "1"));
        assertEquals(0, demo.exit(), demo.err());
        // each output is named once, by the line written for the user (log lines go to stderr, captured too)
        for (String file : new String[] {"front_door.csv", "indicator_values.csv"}) {
            String path = dir.toAbsolutePath().resolve("out").resolve(file).toString();
            List<String> naming = (demo.out() + demo.err()).lines().filter(l -> l.contains(path)).toList();
            assertEquals(1, naming.size(), file + " named once: " + naming);
            assertTrue(naming.get(0).startsWith("output: " + path + " ("), naming.get(0));
        }
        Captured c = capture(() -> Main.execute("status", "--data-dir", dir.toString()));
        assertEquals(0, c.exit(), c.out() + c.err());
        assertTrue(c.out().lines().anyMatch(l -> l.startsWith("nightly") && l.contains("succeeded")), c.out());
    }

    @Test
    void a_wrong_option_is_a_usage_error_naming_it() {
        Captured c = capture(() -> Main.execute("load", "--data-dir", "/tmp/x", "--dry-runn"));
        assertEquals(2, c.exit());
        assertTrue(c.err().contains("Unknown option: '--dry-runn'"), c.err());
    }

    @Test
    void a_failing_command_exits_non_zero_with_a_one_line_reason(@TempDir Path tmp) throws Exception {
        Path notADirectory = Files.writeString(tmp.resolve("plain-file"), "x");
        Captured c = capture(() -> Main.execute("build", "--data-dir", notADirectory.resolve("data").toString()));
        assertEquals(1, c.exit());
        assertEquals(1, c.err().strip().lines().filter(l -> l.startsWith("build: ")).count(), c.err());
    }

}
