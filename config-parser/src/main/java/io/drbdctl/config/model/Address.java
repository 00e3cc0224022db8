package io.drbdctl.config.model;

/** An address: family (ipv4, ipv6, ssocks, sdp), host address and port, as written. */
public record Address(String af, String addr, String port, Pos pos) {

    /** {@code ipv4:10.0.0.1:7789}, {@code ipv6:[fd00::1]:7789} as drbdsetup takes it. */
    public String drbdsetupForm() {
        return "ipv6".equals(af) ? af + ":[" + addr + "]:" + port : af + ":" + addr + ":" + port;
    }
}
