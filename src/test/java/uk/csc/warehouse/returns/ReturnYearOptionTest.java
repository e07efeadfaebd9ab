package uk.csc.warehouse.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.csc.warehouse.testing.ConsoleCapture.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.cli.Main;
import uk.csc.warehouse.testing.ConsoleCapture.Captured;

/**
 * Both returns take the shared options (ReturnOptions) and refuse a --year this build has no rules for before
 * anything else: non-zero exit, one sentence naming the years it knows, nothing written. No warehouse is needed
 * to be told that, so the data folder here is empty.
 */
class ReturnYearOptionTest {

    @Test
    void a_year_without_rules_is_refused_naming_the_years_there_are(@TempDir Path dir) throws Exception {
        for (String ret : List.of("ssda903", "cin")) {
            List<String> known = ReturnYears.available(ret).stream().map(CollectionYear::toString).toList();
            assertTrue(known.size() >= 2, ret + " has rules for several years: " + known);
            for (String year : List.of("2019-20", "2040-41")) {
                Captured c = capture(() -> Main.execute("return", ret, "--data-dir", dir.toString(), "--year", year));
                assertEquals(1, c.exit(), ret + " " + year + ": " + c.out() + c.err());
                List<String> said = c.err().lines().filter(l -> !l.isBlank()).toList();
                assertEquals(1, said.size(), "one sentence: " + c.err());
                String line = said.get(0);
                assertTrue(line.startsWith(ret + ": this build has " + ret + " rules for "), line);
                assertTrue(line.contains(", not " + year + ": choose one of those with --year"), line);
                known.forEach(k -> assertTrue(line.contains(k), k + " named in: " + line));
                assertFalse(c.err().contains("\tat "), "no stack trace: " + c.err());
            }
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing written for a refused year");
        }
    }

    @Test
    void cin_takes_the_shared_return_options() {
        picocli.CommandLine cli = new picocli.CommandLine(new Main());
        picocli.CommandLine.Model.CommandSpec cin = cli.getSubcommands().get("return").getSubcommands().get("cin")
                .getCommandSpec();
        picocli.CommandLine.Model.CommandSpec ssda903 = cli.getSubcommands().get("return").getSubcommands()
                .get("ssda903").getCommandSpec();
        for (String name : List.of("--data-dir", "--year", "--out")) {
            assertEquals(ssda903.findOption(name).description()[0], cin.findOption(name).description()[0], name);
            assertTrue(cin.mixins().values().stream().anyMatch(m -> m.userObject() instanceof ReturnOptions),
                    "cin's " + name + " comes from ReturnOptions");
        }
        assertTrue(cin.findOption("--as-at") != null, "cin keeps its own --as-at");
    }
}
