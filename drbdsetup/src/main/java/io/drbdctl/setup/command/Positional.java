package io.drbdctl.setup.command;

/**
 * A positional argument after the object (attach's devices, new-minor's resource/minor/volume).
 *
 * @param name  the name usage shows
 * @param field the field of the request's attribute set it fills ("" for the header minor)
 */
public record Positional(String name, String field) {
}
