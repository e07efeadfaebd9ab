package uk.csc.warehouse.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.support.ClasspathFolder;
import uk.csc.warehouse.testing.TestAuthority;

/** Issue 14: marts.indicator_values is generated from the indicator catalogue; a new indicator is one row. */
class IndicatorCatalogueReshapeTest {
    @TempDir
    Path root;

    @Test
    void a_catalogue_row_naming_a_mart_column_becomes_an_indicator_with_that_columns_values() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        List<String> catalogue = new ArrayList<>();
        for (String resource : ClasspathFolder.list("sql/seeds/indicator_catalogue", ".csv")) {
            List<String> lines = ClasspathFolder.read(resource).lines().toList();
            catalogue.addAll(catalogue.isEmpty() ? lines : lines.subList(1, lines.size()));
        }
        // the one row a new indicator needs (an authority's reference/indicator_catalogue.csv replaces the seeds')
        catalogue.add("referrals_nfa_count,front_door,Referrals resulting in no further action,count,neutral,false,"
                + "Referrals flagged NFA.,marts.front_door,referrals_nfa,referrals_nfa,,period_type = 'financial_year'");
        Files.createDirectories(authority.dataDir.reference());
        Files.write(authority.dataDir.reference().resolve("indicator_catalogue.csv"), catalogue);
        authority.load();
        authority.build();
        assertEquals(authority.query("select period_label, cast(referrals_nfa as double) as v from marts.front_door "
                        + "where period_type = 'financial_year' order by 1"),
                authority.query("select period_label, value as v from marts.indicator_values "
                        + "where indicator_code = 'referrals_nfa_count' order by 1"));
        assertEquals(0L, authority.one("select count(*) as n from marts.indicator_values "
                + "where indicator_code = 'referrals_nfa_count' and (period_type <> 'financial_year' or area <> 'front_door' "
                + "or numerator <> value or denominator is not null)").get("n"));
        assertTrue((Long) authority.one("select count(*) as n from marts.indicator_values "
                + "where indicator_code = 'referrals_nfa_count'").get("n") > 0);
    }

    @Test
    void a_catalogue_row_without_its_source_fails_naming_the_indicator_and_file() throws Exception {
        try (Connection c = MacroDatabase.open(root); Statement st = c.createStatement()) {
            st.execute("insert into reference.indicator_catalogue (indicator_code, area, unit, polarity) "
                    + "values ('orphan_count', 'front_door', 'count', 'neutral')");
            Model values = ModelCatalog.fromClasspath().models().get("marts.indicator_values");
            Exception e = assertThrows(IllegalStateException.class, () -> IndicatorReshape.expand(c, values));
            assertEquals("sql/seeds/indicator_catalogue/front_door.csv: indicator orphan_count needs a source_model, the "
                    + "model its figures come from (e.g. marts.front_door); found ''", e.getMessage());
        }
    }

    @Test
    void the_values_model_is_built_after_every_mart_the_catalogue_names() {
        ModelCatalog catalog = ModelCatalog.fromClasspath();
        List<String> order = catalog.inBuildOrder().stream().map(Model::qualifiedName).toList();
        int values = order.indexOf("marts.indicator_values");
        for (String source : IndicatorReshape.sourceModels()) {
            assertTrue(order.indexOf(source) >= 0 && order.indexOf(source) < values, source + " before indicator_values");
        }
        assertTrue(IndicatorReshape.sourceModels().contains("marts.cla_social_worker_stability"));
    }
}
