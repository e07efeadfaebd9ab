package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * One child's random streams for the tables and values added for the statutory returns (issue 15): UPNs, SDQ
 * scores, convictions, immunisations, substance misuse, previous permanence, and where homes and placements are.
 * Each table draws only from its own stream, derived from the seed and the child's index apart from the child's
 * main stream, so adding any of them left every earlier table's draws, and so its bytes, as they were.
 */
final class ReturnStreams {
    final SplittableRandom identifiers;
    final SplittableRandom sdq;
    final SplittableRandom convictions;
    final SplittableRandom immunisations;
    final SplittableRandom substanceMisuse;
    final SplittableRandom previousPermanence;
    final SplittableRandom places;

    /** How the child's last period of care ended, for the next period's previous permanence answer. */
    String lastCeasedReason;
    LocalDate lastCeasedDate;

    ReturnStreams(long seed, int index) {
        identifiers = stream(seed, index, 0x0B9E_1D00L);
        sdq = stream(seed, index, 0x0B9E_5D90L);
        convictions = stream(seed, index, 0x0B9E_C0C1L);
        immunisations = stream(seed, index, 0x0B9E_1AA1L);
        substanceMisuse = stream(seed, index, 0x0B9E_5A5AL);
        previousPermanence = stream(seed, index, 0x0B9E_9E99L);
        places = stream(seed, index, 0x0B9E_91ACL);
    }

    private static SplittableRandom stream(long seed, int index, long salt) {
        return new SplittableRandom(Pick.mix(seed ^ Pick.mix(salt)) ^ Pick.mix(index + 1L));
    }
}
