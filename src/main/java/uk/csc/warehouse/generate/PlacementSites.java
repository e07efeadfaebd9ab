package uk.csc.warehouse.generate;

import java.util.SplittableRandom;

/**
 * Where a placement is and which Ofsted-registered service provides it: a real postcode from the pool in the
 * band the placement's own draw chose (home borough, near, far), the distance from the child's home as DfE
 * works it out, and a URN of the shape the SSDA903 asks for. Draws only from the child's places stream.
 *
 * <p>URNs (SSDA903 guidance; validator rules 218, 222, 230): required for every placement type except P1, P3,
 * R1, R2, R5, T0-T4 and Z1/Z11-Z14 (and placements outside England), which must not have one; 'XXXXXXX' for
 * placements for adoption (A3-A6). Children's homes, secure homes and residential family centres carry Ofsted's
 * 'SC' + 6 digits (the newest registrations a 7-digit number); supported accommodation (H5, K3 since 28 October
 * 2023, registered with Ofsted from then) a 7-digit number;
 * residential schools (S1) the school's 6-digit URN; foster placements the fostering service's URN (the
 * authority's own service, or an agency's). One URN per service and postcode, so a URN always names one place.
 */
final class PlacementSites {
    /** The demo authority's own fostering service (synthetic URN of the right shape). */
    static final String OWN_FOSTERING_SERVICE = "SC048215";
    private static final int AGENCIES = 12;

    record Site(String postcode, String urn, double distance) {}

    private PlacementSites() {}

    /** The child's home: a real postcode in the authority. */
    static PostcodePool.Postcode home(Child c) {
        return PostcodePool.get().draw(c.returns.places, PostcodePool.Band.HOME);
    }

    /** {@code band} null: placed with parents, at home. */
    static Site place(Child c, String type, String provider, PostcodePool.Band band) {
        SplittableRandom rng = c.returns.places;
        if (band == null) {
            return new Site(c.home.compact(), urn(type, provider, c.home, rng), 0.0);
        }
        PostcodePool.Postcode p = PostcodePool.get().draw(rng, band);
        // A placement away from home is never at the home address (SSDA903 rule 392d: home and placement
        // postcodes differ unless placed with parents, P1); the pool is large, so one redraw nearly always does.
        for (int tries = 0; tries < 8 && p.compact().equals(c.home.compact()); tries++) {
            p = PostcodePool.get().draw(rng, band);
        }
        return new Site(p.compact(), urn(type, provider, p, rng), PostcodePool.miles(c.home, p));
    }

    static String urn(String type, String provider, PostcodePool.Postcode site, SplittableRandom rng) {
        return switch (type) {
            case "A3", "A4", "A5", "A6" -> "XXXXXXX";
            case "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14" -> "";
            case "U1", "U2", "U3", "U4", "U5", "U6" -> "PR1".equals(provider) ? OWN_FOSTERING_SERVICE
                    : String.format("SC%06d", 420_000 + 37 * rng.nextInt(AGENCIES));
            case "S1" -> String.valueOf(130_000 + site.index());
            case "H5", "K3" -> String.valueOf(2_600_000 + site.index());
            default -> registeredHome(type, site);
        };
    }

    /** K1, K2, R3 and any other registered setting: one URN per kind of setting and postcode. */
    private static String registeredHome(String type, PostcodePool.Postcode site) {
        int kind = switch (type) {
            case "K1" -> 1;
            case "K2" -> 2;
            case "R3" -> 4;
            default -> 5;
        };
        int n = kind * 1000 + site.index();
        // About one home in five registered since Ofsted moved to numeric URNs.
        return site.index() % 5 == 0 ? String.valueOf(2_000_000 + n) : String.format("SC%06d", 400_000 + n);
    }
}
