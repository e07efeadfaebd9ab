package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** One placement within a period of care: where the child lived, with whom, and how far from home. */
final class Placement {
    final String id;
    final LocalDate start;
    final String type;
    final String provider;
    final String urn;
    final String postcode;
    final double distance;
    LocalDate end;
    String changeReason = "";

    private Placement(String id, LocalDate start, String type, String provider, String urn, String postcode, double distance) {
        this.id = id;
        this.start = start;
        this.type = type;
        this.provider = provider;
        this.urn = urn;
        this.postcode = postcode;
        this.distance = distance;
    }

    /**
     * Supported accommodation regulations (28 October 2023): semi-independent (H5) and independent living (P2)
     * were replaced by supported accommodation (K3), and authorities recoded placements still open that day, as
     * DfE's 2025 collection expects (validation rule 503D's H5-to-K3 exception).
     */
    static final LocalDate SUPPORTED_ACCOMMODATION = LocalDate.of(2023, 10, 28);

    String typeRecordedTo(LocalDate until) {
        return ("H5".equals(type) || "P2".equals(type)) && until.isAfter(SUPPORTED_ACCOMMODATION) ? "K3" : type;
    }

    /**
     * Independent living (P2, no URN) recoded to supported accommodation (K3) is a setting Ofsted registers, so the
     * record carries the setting's 7-digit URN (SSDA903 rule 218), one per postcode as for PlacementSites.
     */
    String urnRecordedTo(LocalDate until) {
        return "K3".equals(typeRecordedTo(until)) && (urn == null || urn.isEmpty())
                ? String.valueOf(2_600_000 + Math.floorMod(postcode.hashCode(), 400_000)) : urn;
    }

    /** Placed with parents is not possible under a single period of section 20 accommodation (SSDA903 rule 378). */
    static String allowedUnder(String type, String legalStatus) {
        return "P1".equals(type) && legalStatus != null && legalStatus.startsWith("V") ? "U6" : type;
    }

    boolean isFoster() {
        return type.startsWith("U");
    }

    static String typeFor(SplittableRandom rng, int age, boolean uasc) {
        if (uasc) {
            // Under-16s are never in semi-independent or supported accommodation (banned from 28 October 2023; SSDA903 rule 371).
            return age >= 16 ? Pick.weighted(rng, "H5", 65, "U6", 30, "K2", 5) : Pick.weighted(rng, "U6", 80, "K2", 10, "U4", 10);
        }
        if (age < 5) {
            return Pick.weighted(rng, "U6", 58, "U3", 20, "U5", 6, "R3", 5, "P1", 5, "U4", 6);
        }
        if (age < 13) {
            return Pick.weighted(rng, "U6", 52, "U4", 15, "U3", 14, "K2", 10, "P1", 5, "U1", 4);
        }
        if (age < 16) {
            return Pick.weighted(rng, "U6", 40, "U4", 14, "K2", 30, "U3", 8, "K1", 2, "S1", 2, "P1", 4);
        }
        return Pick.weighted(rng, "H5", 38, "K2", 20, "U6", 25, "U4", 9, "P2", 4, "R5", 1, "P1", 3);
    }

    static Placement create(Child c, LocalDate start, String type) {
        SplittableRandom rng = c.rng;
        if (("H5".equals(type) || "P2".equals(type)) && !start.isBefore(SUPPORTED_ACCOMMODATION)) {
            type = "K3";
        }
        String provider = switch (type) {
            case "U1", "U2", "U3" -> "PR1";
            case "U4", "U5", "U6" -> Pick.weighted(rng, "PR1", 55, "PR4", 45);
            case "K2" -> Pick.weighted(rng, "PR4", 85, "PR1", 15);
            case "H5", "K3" -> Pick.weighted(rng, "PR4", 70, "PR5", 30);
            case "A3", "A4", "A5", "A6" -> Pick.weighted(rng, "PR1", 60, "PR2", 40);
            case "P1" -> "PR0";
            case "K1", "R5" -> "PR2";
            default -> "PR4";
        };
        String urn = switch (type) { // still drawn with the returns' URNs on, so the main stream is unchanged
            case "P1", "P2", "U1", "U2", "U3" -> "";
            case "A3", "A4", "A5", "A6" -> "XXXXXXX";
            default -> String.format("SC%06d", 400_000 + rng.nextInt(200_000));
        };
        double pFar = switch (type) {
            case "K2", "K1", "S1", "R5" -> 0.55;
            case "H5", "K3" -> 0.22;
            case "U4", "U5", "U6" -> 0.17;
            case "U1", "U2", "U3" -> 0.12;
            case "A3", "A4", "A5", "A6" -> 0.45;
            case "P1" -> 0.0;
            default -> 0.25;
        };
        String postcode;
        double distance;
        PostcodePool.Band band;
        if ("P1".equals(type)) {
            postcode = c.homePostcode;
            distance = 0.0;
            band = null;
        } else if ("PR1".equals(provider) && !type.startsWith("U") && !type.startsWith("A")) {
            // The authority's own homes are in the authority (SSDA903 rule 1015).
            postcode = Names.postcode(rng, Names.HOME_OUTWARD);
            distance = 0.3 + rng.nextDouble() * 4;
            band = PostcodePool.Band.HOME;
        } else if (Pick.chance(rng, pFar)) {
            postcode = Names.postcode(rng, Names.FAR_OUTWARD);
            distance = 20.5 + rng.nextDouble() * 100;
            band = PostcodePool.Band.FAR;
        } else if (Pick.chance(rng, 0.45)) {
            postcode = Names.postcode(rng, Names.NEAR_OUTWARD);
            distance = 3 + rng.nextDouble() * 16;
            band = PostcodePool.Band.NEAR;
        } else {
            postcode = Names.postcode(rng, Names.HOME_OUTWARD);
            distance = 0.3 + rng.nextDouble() * 4;
            band = PostcodePool.Band.HOME;
        }
        if (c.returns != null) {
            // Real postcode, true distance and a URN of the right shape (issue 15), from the child's places stream.
            PlacementSites.Site site = PlacementSites.place(c, type, provider, band);
            postcode = site.postcode();
            distance = site.distance();
            urn = site.urn();
        }
        if (c.uasc) {
            distance = 999.9; // no home postcode in England: the SSDA903 convention
        }
        return new Placement(c.nextId("PL"), start, type, provider, urn, postcode, distance);
    }

    static String moveReason(SplittableRandom rng) {
        return Pick.weighted(rng, "CARPL", 45, "CREQB", 15, "CREQO", 10, "CHILD", 8, "CLOSE", 8, "STAND", 3, "ALLEG", 2,
                "APPRR", 1, "LAREQ", 5, "PLACE", 3);
    }
}
