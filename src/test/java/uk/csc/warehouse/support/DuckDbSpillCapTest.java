package uk.csc.warehouse.support;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spill cap (CSC_DUCKDB_MAX_TEMP_DIRECTORY_SIZE) holds after the build points DuckDB's spill at its own folder:
 * setting a temp directory resets DuckDB's cap to 90% of the disk, which let XL's build fill 43 GB with a 10 GB cap.
 */
class DuckDbSpillCapTest {
    @TempDir
    Path root;

    @AfterEach
    void clear() {
        System.clearProperty("csc.duckdb.max_temp_directory_size");
        System.clearProperty("csc.duckdb.memory_limit");
    }

    @Test
    void aSortThatWouldSpillPastTheCapFailsNamingTheSetting() throws Exception {
        System.setProperty("csc.duckdb.max_temp_directory_size", "20MB");
        System.setProperty("csc.duckdb.memory_limit", "64MB");
        try (Connection c = DuckDb.file(root.resolve("w.duckdb")); Statement st = c.createStatement()) {
            DuckDb.spillTo(st, root.resolve("spill"));
            SQLException e = assertThrows(SQLException.class, () -> st.execute("CREATE TABLE t AS SELECT md5(CAST(range"
                    + " AS VARCHAR)) AS v FROM range(3000000) ORDER BY v"));
            assertTrue(e.getMessage().contains("max_temp_directory_size"), e.getMessage());
        }
    }
}
