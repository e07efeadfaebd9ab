package uk.csc.warehouse.generate;

/**
 * Unique Pupil Numbers as DfE issues them ("Unique Pupil Numbers (UPN): a guide for schools and local
 * authorities", v1.2): a check letter, the issuing authority's 3-digit LA number, the 4-digit establishment
 * number, the 2-digit year of issue and a 3-digit serial. The check letter is the weighted sum of characters
 * 2-13 (weights 2-13) mod 23, read in ABCDEFGHJKLMNPQRTUVWXYZ; CIN census rule 1510 and SSDA903 rule 168 check it
 * and the shape.
 */
final class PupilNumbers {
    static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private PupilNumbers() {}

    /** A permanent UPN: the 12 digits after the check letter, then the check letter put in front. */
    static String upn(int laNumber, int establishment, int yearOfIssue, int serial) {
        String digits = String.format("%03d%04d%02d%03d", laNumber, establishment, yearOfIssue % 100, serial);
        if (digits.length() != 12) {
            throw new IllegalArgumentException("a UPN has 12 digits after its check letter: " + digits);
        }
        return checkLetter(digits) + digits;
    }

    static char checkLetter(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            char ch = twelve.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : CHECK_LETTERS.indexOf(ch);
            sum += v * (i + 2);
        }
        return CHECK_LETTERS.charAt(sum % 23);
    }
}
