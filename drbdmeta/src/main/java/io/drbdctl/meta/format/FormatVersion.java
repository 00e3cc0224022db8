package io.drbdctl.meta.format;

/** On-disk metadata format versions known to drbdmeta. */
public enum FormatVersion {
    V06("v06", 0x83740269),
    V07("v07", 0x8374026A),
    V08("v08", 0x8374026B),
    V09("v09", 0x8374026D);

    /** Magic of a v08 superblock written by DRBD 8.4 while its activity log was in use. */
    public static final int MAGIC_84_UNCLEAN = 0x8374026C;

    private final String label;
    private final int magic;

    FormatVersion(String label, int magic) {
        this.label = label;
        this.magic = magic;
    }

    public String label() {
        return label;
    }

    public int magic() {
        return magic;
    }

    /** Parses "v08"/"v09" etc.; returns null for unknown names. */
    public static FormatVersion parse(String s) {
        for (FormatVersion v : values()) {
            if (v.label.equals(s)) {
                return v;
            }
        }
        return null;
    }
}
