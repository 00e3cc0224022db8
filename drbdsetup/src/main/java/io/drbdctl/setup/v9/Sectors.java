package io.drbdctl.setup.v9;

import java.util.OptionalLong;

/**
 * Size and position arguments as drbd-utils 9.22 reads them: a number of 512-byte sectors, or
 * a number with a unit suffix (s sectors, k KiB, M MiB, G GiB, T TiB; either case).
 */
final class Sectors {
    private Sectors() {
    }

    /** The value in sectors, or empty for text that is not such a size (or overflows). */
    static OptionalLong parse(String text) {
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        char last = Character.toLowerCase(text.charAt(text.length() - 1));
        int shift = switch (last) {
            case 's' -> 0;
            case 'k' -> 1;
            case 'm' -> 11;
            case 'g' -> 21;
            case 't' -> 31;
            default -> -1;
        };
        String digits = shift < 0 ? text : text.substring(0, text.length() - 1);
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long v = Long.parseLong(digits);
        int s = Math.max(shift, 0);
        if (s > 0 && v > (Long.MAX_VALUE >> s)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(v << s);
    }
}
