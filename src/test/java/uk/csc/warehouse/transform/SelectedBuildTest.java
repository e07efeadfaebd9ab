package uk.csc.warehouse.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.cli.Main;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/** Issue 14: build --select MODEL+ rebuilds a model and everything downstream, reading the rest as published. */
class SelectedBuildTest {
    @TempDir
    Path root;

    @Test
    void a_model_plus_selects_it_and_everything_downstream_in_build_order() {
        ModelCatalog catalog = ModelCatalog.fromClasspath();
        List<String> names = ModelSelection.parse("front_door+").models(catalog).stream().map(Model::qualifiedName).toList();
        assertEquals("marts.front_door", names.get(0));
        assertTrue(names.contains("marts.indicator_values"), names.toString());
        assertTrue(names.contains("marts.comparator_values"), names.toString());
        assertFalse(names.contains("intermediate.int_referrals_sequenced"));
        assertFalse(names.contains("marts.cp_plans"));
        assertEquals(List.of("intermediate.int_referrals_sequenced"), ModelSelection.parse("intermediate.int_referrals_sequenced")
                .models(catalog).stream().map(Model::qualifiedName).toList());
        Exception e = assertThrows(IllegalArgumentException.class, () -> ModelSelection.parse("frontdoor+").models(catalog));
        assertTrue(e.getMessage().startsWith("--select: no model named 'frontdoor'"), e.getMessage());
    }

    @Test
    void a_selected_build_reads_unselected_models_from_the_published_warehouse() throws Exception {
        TestAuthority authority = BuiltCohorts.copy("front_door", root);
        Object reReferrals = authority.one("select sum(re_referrals_12m) as n from marts.front_door").get("n");
        assertTrue(((Number) reReferrals).longValue() > 0);
        // stand-in for an upstream model that changed since publishing: nobody re-referred
        try (Connection c = DuckDb.file(authority.dataDir.warehouse()); Statement st = c.createStatement()) {
            st.execute("update intermediate.int_referrals_sequenced set is_re_referral_12m = false");
        }

        assertEquals(0, Main.execute("build", "--select", "marts.front_door+", "--data-dir", root.toString()));
        assertEquals(0L, ((Number) authority.one("select sum(re_referrals_12m) as n from marts.front_door").get("n")).longValue());
        assertEquals(0.0, authority.one("select sum(numerator) as n from marts.indicator_values "
                + "where indicator_code = 'rereferrals_within_12m_pct'").get("n"));
        assertEquals(0L, authority.one("select count(*) as n from ops.data_test_results where not passed").get("n"));

        assertEquals(0, Main.execute("build", "--select", "int_referrals_sequenced+", "--data-dir", root.toString()));
        assertEquals(reReferrals, authority.one("select sum(re_referrals_12m) as n from marts.front_door").get("n"));
    }

    @Test
    void a_selected_build_needs_a_published_warehouse() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        Exception e = assertThrows(BuildFailed.class,
                () -> WarehouseBuilder.fromClasspath().build(authority.dataDir, ModelSelection.parse("front_door+")));
        assertTrue(e.getMessage().contains("run build without --select first"), e.getMessage());
    }
}
