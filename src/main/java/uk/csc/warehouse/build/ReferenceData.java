package uk.csc.warehouse.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import uk.csc.warehouse.support.ClasspathFolder;
import uk.csc.warehouse.support.Sql;

/**
 * Loads reference tables kept as data: the project's seeds ({@code sql/seeds/*.csv}: bank holidays,
 * indicator settings…) and the authority's own ({@code <data-dir>/reference/*.csv}: its ONS population
 * of children aged 0-17), each into {@code reference.<file name>}. The authority's file wins on a clash.
 */
final class ReferenceData {
    private ReferenceData() {}

    static void load(Connection c, Path authorityReference, Path scratch) throws SQLException, IOException {
        Files.createDirectories(scratch);
        for (String resource : ClasspathFolder.list("sql/seeds", ".csv")) {
            Path copy = scratch.resolve(Path.of(resource).getFileName().toString());
            try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            loadCsv(c, copy);
        }
        if (Files.isDirectory(authorityReference)) {
            try (Stream<Path> files = Files.list(authorityReference)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    loadCsv(c, f);
                }
            }
        }
    }

    private static void loadCsv(Connection c, Path csv) throws SQLException {
        String table = csv.getFileName().toString().replaceFirst("\\.csv$", "");
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE reference." + Sql.ident(table) + " AS SELECT * FROM read_csv("
                    + Sql.literal(csv) + ", header = true)");
        }
    }
}
