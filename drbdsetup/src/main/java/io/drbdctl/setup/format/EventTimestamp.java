package io.drbdctl.setup.format;

import java.time.ZonedDateTime;

/** The time prefix of events lines with --timestamps: {@code 2026-11-22T22:28:09.123456+00:00 }. */
public final class EventTimestamp {
    private EventTimestamp() {
    }

    public static String prefix(ZonedDateTime t) {
        int off = t.getOffset().getTotalSeconds();
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d.%06d%+03d:%02d ", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000, off / 3600,
                Math.abs(off) / 60 % 60);
    }
}
