package uk.csc.warehouse.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.support.DuckDb;

class SafeCsvWriterTest {
    @TempDir
    Path dir;

    @Test
    void text_that_excel_would_evaluate_is_neutralised_but_numbers_are_not() throws Exception {
        Path out = dir.resolve("x.csv");
        try (Connection c = DuckDb.inMemory()) {
            SafeCsvWriter.write(c, "select * from (values ('=HYPERLINK(\"http://x\")', -3, 'team, \"A\"'), "
                    + "('@SUM(1)', 2, '+44 20'), ('-1+1', 0, 'plain')) t(label, n, team)", out);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals("\uFEFFlabel,n,team\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",-3,\"team, \"\"A\"\"\"\r\n"
                + "'@SUM(1),2,'+44 20\r\n"
                + "'-1+1,0,plain\r\n", text);
    }
}
