package uk.csc.warehouse.cli;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;

/**
 * The newest extract of a source that the published warehouse was built from (its ops.extract_snapshot), read
 * read-only as an analyst would. Not the lake's newest: a run killed between load and publish has loaded an
 * extract that no one can see yet.
 */
record PublishedExtract(String table, String extractDate, Instant committedAt) {

    static Optional<PublishedExtract> newest(DataDir dataDir, String source) throws SQLException {
        if (!Files.isRegularFile(dataDir.warehouse())) {
            return Optional.empty();
        }
        try (Connection c = DuckDb.readOnly(dataDir.warehouse());
             PreparedStatement ps = c.prepareStatement("SELECT table_name, CAST(extract_date AS VARCHAR), "
                     + "epoch_ms(committed_at) FROM ops.extract_snapshot WHERE source = ? "
                     + "ORDER BY committed_at DESC, table_name LIMIT 1")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PublishedExtract(rs.getString(1), rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)))) : Optional.empty();
            }
        }
    }
}
