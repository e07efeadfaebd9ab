package uk.csc.warehouse.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A checked-in pool of real postcodes (ONS Postcode Directory, OGL v3; see the file's header) with their grid
 * references, in three bands around the demo authority: inside Southwark ({@code home}), neighbouring boroughs
 * ({@code near}, under about 12 miles) and further afield ({@code far}, 24-106 miles). Real postcodes let the
 * SSDA903 validator find every home and placement in its copy of the directory and work out the same distance.
 */
final class PostcodePool {
    enum Band { HOME, NEAR, FAR }

    /** A pooled postcode; {@code index} is its line in the pool, stable for a given pool file. */
    record Postcode(String code, Band band, String laua, int easting, int northing, int index) {
        /** The SSD's form, as the generator has always written it: no space. */
        String compact() {
            return code.replace(" ", "");
        }
    }

    static final String RESOURCE = "generate/postcode_pool.csv";
    private static final PostcodePool INSTANCE = load();

    private final Map<Band, List<Postcode>> byBand = new HashMap<>();

    private PostcodePool(List<Postcode> all) {
        for (Postcode p : all) {
            byBand.computeIfAbsent(p.band(), b -> new ArrayList<>()).add(p);
        }
    }

    static PostcodePool get() {
        return INSTANCE;
    }

    Postcode draw(SplittableRandom rng, Band band) {
        List<Postcode> list = byBand.get(band);
        return list.get(rng.nextInt(list.size()));
    }

    /**
     * Miles between two postcodes as DfE's SSDA903 guidance (and the validator) work it out: the straight line
     * between the ONS grid references, in km divided by 1.6093, to one decimal place.
     */
    static double miles(Postcode a, Postcode b) {
        double metres = Math.hypot(a.easting() - b.easting(), a.northing() - b.northing());
        return Math.round(metres / 1000.0 / 1.6093 * 10.0) / 10.0;
    }

    private static PostcodePool load() {
        try (InputStream in = PostcodePool.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the generator's postcode pool " + RESOURCE + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Postcode> list = new ArrayList<>();
            boolean header = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                list.add(new Postcode(f[0], Band.valueOf(f[1].toUpperCase(java.util.Locale.ROOT)), f[2],
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), list.size()));
            }
            return new PostcodePool(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
