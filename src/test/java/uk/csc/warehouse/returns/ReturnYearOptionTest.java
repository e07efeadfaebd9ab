package uk.csc.warehouse.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.csc.warehouse.cli.Main;

/** Both returns take the shared options (ReturnOptions): one definition of --data-dir, --year and --out. */
class ReturnYearOptionTest {

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
