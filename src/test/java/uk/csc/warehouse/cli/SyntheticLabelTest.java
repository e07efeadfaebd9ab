package uk.csc.warehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.output.Provenance;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The demo's figures are made up but compared with Southwark's real ones: every output says it is synthetic,
 * on every page, sheet, chart and file, while the comparison with Southwark's neighbours stays.
 */
class SyntheticLabelTest {
    static final String TAG = new Provenance(true, null).tag();

    @TempDir
    static Path root;
    static Path dir;

    @BeforeAll
    static void demoAndOutputs() {
        dir = root.resolve("data");
        assertEquals(0, Main.execute("demo", "--data-dir", dir.toString(), "--children", "3000", "--years", "2",
                "--as-at", "2025-06-30"));
        assertEquals(0, Main.execute("pack", "--data-dir", dir.toString(), "--year", "2024-25"));
        assertEquals(0, Main.execute("comparators", "--data-dir", dir.toString(), "--year", "2024-25"));
        assertEquals(0, Main.execute("annex-a", "--data-dir", dir.toString(), "--out", root.resolve("annex_a.xlsx").toString()));
    }

    @Test
    void the_warehouse_knows_it_is_synthetic() throws Exception {
        assertTrue(Files.exists(dir.resolve("reference").resolve(Provenance.MARKER_FILE)));
        assertEquals(Boolean.TRUE, TestAuthority.at(dir).one("select synthetic from reference.run_context").get("synthetic"));
    }

    @Test
    void the_pack_page_says_so_at_the_top_and_on_every_area_and_chart() throws Exception {
        String html = Files.readString(pack("html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<title>SYNTHETIC"), "the browser tab");
        int banners = html.split("SYNTHETIC DATA - NOT A REAL AUTHORITY", -1).length - 1;
        int areas = html.split("<section class=\"area\" id=\"", -1).length - 1 - 2; // not definitions, data quality
        assertTrue(banners >= areas + 1, banners + " banners for " + areas + " areas and the header");
        int svgs = html.split("<svg ", -1).length - 1;
        int taggedSvgs = html.split(TAG + "</text>", -1).length - 1;
        assertTrue(svgs > 5, "charts drawn: " + svgs);
        assertEquals(svgs, taggedSvgs, "every chart carries the label");
        // still compared as Southwark, with Southwark's neighbours
        assertTrue(html.contains("in place of Southwark"), "names the authority it stands in for");
        assertTrue(html.contains("Lambeth") || html.contains("Hackney"), "Southwark's statistical neighbours");
    }

    @Test
    void every_sheet_of_the_pack_workbook_says_so() throws Exception {
        try (InputStream in = Files.newInputStream(pack("xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sh : wb) {
                assertTrue(topRowsSay(sh, 4, "SYNTHETIC DATA - NOT A REAL AUTHORITY"), sh.getSheetName() + " has no banner");
                assertEquals(TAG, ((XSSFSheet) sh).getHeader().getCenter(), sh.getSheetName() + " printed header");
            }
        }
    }

    @Test
    void every_png_chart_carries_the_label() throws Exception {
        // The PNG is drawn from the same layout as the page's SVG (SvgChart.draw); the label is a red text run
        // at the foot of the picture: its pixels are there in every chart.
        List<Path> pngs;
        try (Stream<Path> s = Files.list(dir.resolve("out/pack/2024-25/charts"))) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).toList();
        }
        assertFalse(pngs.isEmpty());
        for (Path p : pngs) {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(p.toFile());
            int red = 0;
            for (int y = img.getHeight() - 24; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    if (r > 150 && g < 90 && b < 90) {
                        red++;
                    }
                }
            }
            assertTrue(red > 200, p.getFileName() + ": no red label at the foot (" + red + " red pixels)");
        }
    }

    @Test
    void every_comparator_csv_says_so_on_every_row() throws IOException {
        List<Path> csvs;
        try (Stream<Path> s = Files.list(dir.resolve("out/comparators/2024-25"))) {
            csvs = s.filter(p -> p.toString().endsWith(".csv")).toList();
        }
        assertTrue(csvs.size() > 3);
        for (Path csv : csvs) {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (csv.getFileName().toString().startsWith("benchmarking_")) {
                    assertTrue(line.contains("Synthetic authority"), csv.getFileName() + ": " + line);
                } else {
                    assertTrue(line.startsWith(TAG + ","), csv.getFileName() + ": " + line);
                }
            }
        }
    }

    @Test
    void every_sheet_of_annex_a_says_so() throws Exception {
        try (InputStream in = Files.newInputStream(root.resolve("annex_a.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sh : wb) {
                assertTrue(topRowsSay(sh, 1, TAG), sh.getSheetName() + " has no label");
                assertEquals(TAG, ((XSSFSheet) sh).getHeader().getCenter(), sh.getSheetName() + " printed header");
            }
        }
    }

    private static boolean topRowsSay(Sheet sh, int rows, String text) {
        for (int r = 0; r < rows; r++) {
            Row row = sh.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell c : row) {
                if (c.toString().contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Path pack(String ext) {
        return dir.resolve("out/pack/2024-25/data_pack_2024-25." + ext);
    }
}
