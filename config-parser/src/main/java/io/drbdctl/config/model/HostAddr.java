package io.drbdctl.config.model;

/**
 * One end of a path: {@code host NAME [address ADDR | port N] [via proxy ...]},
 * {@code address ADDR}, {@code _this_host ADDR} or {@code _remote_host ADDR}.
 * {@code kind} is the keyword: host, address, _this_host, _remote_host.
 */
public record HostAddr(String kind, String name, Address address, String port, ProxyInfo proxy, Pos pos) {
}
