package uk.csc.warehouse.cli;

import static uk.csc.warehouse.testing.ConsoleCapture.capture;
import uk.csc.warehouse.testing.ConsoleCapture.Captured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The mistakes a newcomer makes in the first hour fail, clearly: exit non-zero, one sentence naming the folder
 * or value and what to do next, no stack trace (unless --verbose), and nothing made by mistake.
 */
class CliMistakesTest {
    @TempDir
    static Path built;

    @BeforeAll
    static void aBuiltWarehouse() throws Exception {
        TestAuthority a = BuiltCohorts.copy("workforce", built);
    }

    @Test
    void a_data_folder_that_does_not_exist_is_refused_and_not_made(@TempDir Path tmp) {
        Path typo = tmp.resolve("dtaa");
        for (String command : List.of("load", "build", "run", "pull", "status")) {
            Captured c = capture(() -> Main.execute(command, "--data-dir", typo.toString()));
            assertEquals(1, c.exit(), command + ": " + c.err());
            assertOneSentence(c, command, "there is no data folder at " + typo);
            assertTrue(c.err().contains("--create"), command + " says how to make one: " + c.err());
            assertFalse(Files.exists(typo), command + " made the mistyped folder");
        }
        for (String[] args : List.of(new String[] {"pack", "--year", "2024-25"}, new String[] {"comparators", "--year",
                "2024-25"}, new String[] {"annex-a"})) {
            String[] full = concat(args, "--data-dir", typo.toString());
            Captured c = capture(() -> Main.execute(full));
            assertEquals(1, c.exit(), args[0] + ": " + c.err());
            assertOneSentence(c, args[0], "there is no data folder at " + typo);
            assertFalse(Files.exists(typo), args[0] + " made the mistyped folder");
        }
    }

    @Test
    void an_explicit_create_makes_the_data_folder(@TempDir Path tmp) {
        Path fresh = tmp.resolve("new-authority");
        Captured c = capture(() -> Main.execute("load", "--data-dir", fresh.toString(), "--create"));
        assertEquals(0, c.exit(), c.err());
        assertTrue(Files.isDirectory(fresh));
    }

    @Test
    void a_folder_that_is_not_a_data_folder_is_not_loaded_into_without_create(@TempDir Path notData) throws Exception {
        Files.writeString(notData.resolve("notes.txt"), "not a data folder");
        for (String command : List.of("load", "run")) {
            Captured c = capture(() -> Main.execute(command, "--data-dir", notData.toString()));
            assertEquals(1, c.exit(), command + ": " + c.err());
            assertOneSentence(c, command, notData + " holds no warehouse data");
            assertFalse(Files.exists(notData.resolve("inbox")), command + " made an inbox in the wrong folder");
        }
    }

    @Test
    void a_folder_with_no_warehouse_is_refused_by_the_commands_that_read_one(@TempDir Path empty) {
        Captured build = capture(() -> Main.execute("build", "--data-dir", empty.toString()));
        assertEquals(1, build.exit());
        assertOneSentence(build, "build", "there are no loaded extracts in " + empty);
        assertFalse(build.err().contains("Catalog Error"), build.err());
        for (String[] args : List.of(new String[] {"pack", "--year", "2024-25"}, new String[] {"comparators", "--year",
                "2024-25"}, new String[] {"annex-a"})) {
            Captured c = capture(() -> Main.execute(concat(args, "--data-dir", empty.toString())));
            assertEquals(1, c.exit(), args[0] + ": " + c.err());
            assertOneSentence(c, args[0], "there is no warehouse in " + empty);
            assertFalse(Files.exists(empty.resolve("out")), args[0] + " wrote an empty output");
        }
    }

    @Test
    void a_year_the_warehouse_does_not_hold_is_refused_naming_the_years_it_does() {
        for (String command : List.of("pack", "comparators")) {
            for (String year : List.of("1999-00", "2031-32")) {
                Captured c = capture(() -> Main.execute(command, "--data-dir", built.toString(), "--year", year));
                assertEquals(1, c.exit(), command + " " + year + ": " + c.out() + c.err());
                assertOneSentence(c, command, "the warehouse holds figures for 2023-24, 2024-25, not " + year);
            }
        }
        assertFalse(Files.exists(built.resolve("out/pack/1999-00")));
        assertFalse(Files.exists(built.resolve("out/comparators/1999-00")));
    }

    @Test
    void a_uk_date_is_accepted_and_a_wrong_one_refused_in_one_sentence() {
        Captured uk = capture(() -> Main.execute("annex-a", "--data-dir", built.toString(), "--as-at", "30/09/2024"));
        assertEquals(0, uk.exit(), uk.err());
        assertTrue(uk.out().contains("as at 2024-09-30"), uk.out());
        Captured bad = capture(() -> Main.execute("annex-a", "--data-dir", built.toString(), "--as-at", "31-03-2025"));
        assertEquals(2, bad.exit());
        assertOneSentence(bad, "annex-a", "'31-03-2025' is not a date");
        assertTrue(bad.err().contains("2025-03-31") && bad.err().contains("31/03/2025"), "says how to write it: " + bad.err());
        assertFalse(bad.err().contains("Usage:"), "no page of usage: " + bad.err());
    }

    @Test
    void annex_a_prints_the_warnings_it_counts() {
        Captured c = capture(() -> Main.execute("annex-a", "--data-dir", built.toString()));
        assertEquals(0, c.exit(), c.err());
        int counted = Integer.parseInt(c.out().replaceAll("(?s).*?(\\d+) warning\\(s\\).*", "$1"));
        assertTrue(counted > 0, "the workforce cohort has lists with no rows: " + c.out());
        assertEquals(counted, c.out().lines().filter(l -> l.startsWith("  - ")).count(), c.out());
    }

    @Test
    void comparators_prints_a_summary_and_the_folder_once() {
        Captured c = capture(() -> Main.execute("comparators", "--data-dir", built.toString(), "--year", "2024-25"));
        assertEquals(0, c.exit(), c.err());
        List<String> lines = c.out().strip().lines().toList();
        assertEquals(1, lines.size(), c.out());
        assertTrue(lines.get(0).contains(built.resolve("out/comparators/2024-25").toString()), c.out());
        assertFalse(c.err().contains("comparators_long.csv"), "the log repeats the files: " + c.err());
    }

    @Test
    void a_request_answer_names_how_many_files_and_where_not_every_path() {
        StringBuilder outputs = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            outputs.append("/srv/csc/out/pack/2024-25/charts/indicator_").append(i).append(".png;");
        }
        outputs.append("/srv/csc/out/pack/2024-25/data_pack_2024-25.xlsx");
        assertEquals("121 output files in /srv/csc/out/pack/2024-25", RequestCommand.summarise(outputs.toString()));
        assertEquals("outputs /srv/csc/warehouse.duckdb", RequestCommand.summarise("/srv/csc/warehouse.duckdb"));
    }

    @Test
    void an_unexpected_failure_is_one_line_and_the_detail_only_with_verbose(@TempDir Path tmp) throws Exception {
        // a warehouse file that is not a DuckDB database: a raw error from the driver
        Files.writeString(tmp.resolve("warehouse.duckdb"), "not a database");
        Captured plain = capture(() -> Main.execute("pack", "--data-dir", tmp.toString(), "--year", "2024-25"));
        assertEquals(1, plain.exit());
        assertEquals(1, said(plain.err()).size(), plain.err());
        assertTrue(plain.err().contains("--verbose"), plain.err());
        Captured verbose = capture(() -> Main.execute("pack", "--data-dir", tmp.toString(), "--year", "2024-25",
                "--verbose"));
        assertEquals(1, verbose.exit());
        assertTrue(verbose.err().contains("\tat "), "a stack trace with --verbose: " + verbose.err());
    }

    @Test
    void help_texts_show_what_they_mean() {
        Captured pull = capture(() -> Main.execute("pull", "--help"));
        assertTrue(pull.out().contains("${env:NAME}"), pull.out());
        assertFalse(pull.out().contains("null"), pull.out());
        Captured top = capture(() -> Main.execute("--help"));
        CommandLine cli = new CommandLine(new Main());
        assertFalse(top.out().contains("HR\nsystems"), "a description line broken again mid-phrase: " + top.out());
        for (String name : cli.getSubcommands().keySet()) {
            assertTrue(Main.CommandList.SUMMARIES.containsKey(name), name + " has a one-line summary for the list");
            String line = top.out().lines().filter(l -> l.startsWith("  " + name + " ")).findFirst().orElseThrow();
            // the entry, with its wrapped continuation lines, ends a sentence
            int at = top.out().indexOf(line);
            String entry = top.out().substring(at).lines().takeWhile(l -> l.equals(line) || l.startsWith("      "))
                    .map(String::strip).reduce("", (a, b) -> a + " " + b).strip();
            assertTrue(entry.endsWith(".") && !entry.endsWith("..."), name + " is cut mid-sentence: " + entry);
        }
    }

    /** What the person reads on stderr: the command's own lines, not the timestamped log lines beside them. */
    private static List<String> said(String err) {
        return err.strip().lines().filter(l -> !l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).toList();
    }

    private static void assertOneSentence(Captured c, String command, String expected) {
        List<String> lines = said(c.err());
        assertEquals(1, lines.size(), "one line: " + c.err());
        assertTrue(lines.get(0).startsWith(command + ": "), c.err());
        assertTrue(lines.get(0).contains(expected), "expected '" + expected + "' in: " + c.err());
        assertFalse(c.err().contains("\tat "), "no stack trace: " + c.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

}
