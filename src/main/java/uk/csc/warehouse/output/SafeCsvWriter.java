package uk.csc.warehouse.output;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * Writes a query's result as CSV that opens cleanly in Excel: UTF-8 with a BOM (so Excel reads it as UTF-8),
 * CRLF line ends, and text that Excel would take for a formula (starting =, +, -, @, tab or CR) prefixed
 * with an apostrophe so it is shown, never evaluated. Numbers and dates are written as they are.
 * The file is written beside its name and renamed into place.
 */
public final class SafeCsvWriter {
    private SafeCsvWriter() {}

    public static long write(Connection c, String query, Path target) throws SQLException, IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        long rows = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query);
             Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                row[i] = meta.getColumnLabel(i + 1);
            }
            csv.writeRecord(row);
            while (rs.next()) {
                for (int i = 0; i < n; i++) {
                    Object v = rs.getObject(i + 1);
                    row[i] = v == null ? "" : isText(meta.getColumnType(i + 1)) ? neutralise(v.toString()) : v.toString();
                }
                csv.writeRecord(row);
                rows++;
            }
            csv.flush();
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return rows;
    }

    static String neutralise(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    private static boolean isText(int sqlType) {
        return sqlType == Types.VARCHAR || sqlType == Types.CHAR || sqlType == Types.LONGVARCHAR
                || sqlType == Types.NVARCHAR || sqlType == Types.OTHER;
    }
}
