package uk.csc.warehouse.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import uk.csc.warehouse.support.DuckDb;

/**
 * An analyst in another process: opens warehouse.duckdb read-only, answers "how many referrals in 2024-25?",
 * keeps the file open until told to ask again on the same connection, then exits.
 */
public final class HoldWarehouseOpen {
    public static void main(String[] args) throws Exception {
        try (Connection c = DuckDb.readOnly(Path.of(args[0]))) {
            System.out.println("OPEN " + referrals(c));
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in)).readLine();
            System.out.println("STILL " + referrals(c));
            System.out.flush();
        }
    }

    private static long referrals(Connection c) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select referrals from marts.front_door where period_label = '2024-25'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
