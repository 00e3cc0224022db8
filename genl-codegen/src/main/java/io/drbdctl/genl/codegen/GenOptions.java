package io.drbdctl.genl.codegen;

/**
 * Per-spec generator options.
 *
 * @param javaPackage  package of the generated code
 * @param u8Booleans   every u8 attribute is a 0/1 boolean (the legacy drbd family: its
 *                     "__flg_field"s; its spec's family doc says so in prose, which the
 *                     generator cannot read, hence the option)
 */
record GenOptions(String javaPackage, boolean u8Booleans) {
}
