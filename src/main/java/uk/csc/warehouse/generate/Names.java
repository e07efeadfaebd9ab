package uk.csc.warehouse.generate;

import java.util.SplittableRandom;

/** Small built-in lists of invented names and places: the generator must never carry real people. */
final class Names {
    private Names() {}

    static final String[] GIRLS = {"Amara", "Chloe", "Fatima", "Grace", "Hana", "Isla", "Jade", "Kemi",
        "Layla", "Maya", "Nadia", "Olivia", "Priya", "Ruby", "Sofia", "Tia", "Zara", "Ava", "Ella", "Mia"};
    static final String[] BOYS = {"Adam", "Ben", "Callum", "Daniel", "Ethan", "Femi", "George", "Hamza",
        "Isaac", "Jayden", "Kai", "Leo", "Mohammed", "Noah", "Oscar", "Reuben", "Samuel", "Tyler", "Yusuf", "Zain"};
    static final String[] SURNAMES = {"Adeyemi", "Brown", "Campbell", "Da Silva", "Evans", "Fofana", "Green",
        "Hussain", "Ibrahim", "Jones", "Khan", "Lewis", "Mensah", "Nowak", "Okafor", "Patel", "Quinn", "Rahman",
        "Smith", "Taylor", "Usman", "Walker", "Yilmaz", "Zielinski", "O'Neill"};
    static final String[] STREETS = {"Acorn Street", "Beacon Road", "Cedar Walk", "Dockside Lane", "Elm Grove",
        "Foundry Row", "Garnet Close", "Harbour Way", "Ivy Terrace", "Juniper Court", "Kestrel Road",
        "Lantern Mews", "Maple Crescent", "Nightingale Place", "Orchard Rise"};
    /** Outward codes inside the demo borough. */
    static final String[] HOME_OUTWARD = {"SE1", "SE5", "SE15", "SE16", "SE17", "SE21", "SE22", "SE24"};
    /** Outward codes near the borough but outside it (under ~20 miles). */
    static final String[] NEAR_OUTWARD = {"SE6", "SE13", "SW9", "CR0", "BR1", "DA1", "SE18", "E3"};
    /** Outward codes far from the borough (over 20 miles). */
    static final String[] FAR_OUTWARD = {"ME4", "TN1", "BN1", "CT9", "SS1", "LU1", "MK9", "B12", "RH10", "CM1"};
    static final String[] NATIONALITIES = {"Eritrea", "Sudan", "Afghanistan", "Vietnam", "Albania", "Iran",
        "Syria", "Ethiopia", "Iraq"};

    static String forename(SplittableRandom rng, String sex) {
        return Pick.one(rng, "F".equals(sex) ? GIRLS : BOYS);
    }

    static String surname(SplittableRandom rng) {
        return Pick.one(rng, SURNAMES);
    }

    /** Postcode without the space, as the SSD address guidance formats it. */
    static String postcode(SplittableRandom rng, String[] outward) {
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        return Pick.one(rng, outward) + rng.nextInt(10) + letters.charAt(rng.nextInt(letters.length()))
                + letters.charAt(rng.nextInt(letters.length()));
    }
}
