package io.drbdctl.genl.codegen;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Specs the generator cannot handle fail with file, line and spec path. */
class GeneratorErrorsTest {

    private static final String HEAD = "name: t\nprotocol: genetlink-legacy\n";
    private static final String SET = HEAD + "attribute-sets:\n  - name: s\n    attributes:\n";

    @TempDir
    Path dir;

    static Stream<Arguments> badSpecs() {
        return Stream.of(
            Arguments.of("name: t\\nprotocol: netlink-raw\\n",
                    "bad.yaml:2: protocol: unsupported protocol 'netlink-raw'"),
            Arguments.of(SET + "      - { name: a, type: indexed-array }\\n",
                    "bad.yaml:6: attribute-sets[0].attributes[0].type: unsupported attribute"
                            + " type 'indexed-array'"),
            Arguments.of(SET + "      - { name: a, type: nest, nested-attributes: nope }\\n",
                    "bad.yaml:6: attribute-sets[0].attributes[0].nested-attributes: no"
                            + " attribute set 'nope'"),
            Arguments.of(SET + "      - { name: a, type: u32 }\\n      - { name: a, type: u8 }\\n",
                    "attribute-sets[0].attributes[1]: duplicate attribute 'a'"),
            Arguments.of(SET + "      - { name: a, type: u32, enum: nope }\\n",
                    "attribute-sets[0].attributes[0].enum: no enum or flags definition 'nope'"),
            Arguments.of(SET + "      - { name: a, type: u32, doc: '[drbd-flag: mandatory]' }\\n",
                    "attribute-sets[0].attributes[0]: unknown doc tag [drbd-flag]"),
            Arguments.of(SET + "      - { name: a, type: u32, doc: '[drbd-default: nope]' }\\n",
                    "[drbd-default: nope] names no integer const definition"),
            Arguments.of(SET + "      - { name: a, type: u32 }\\noperations:\\n  list:\\n"
                    + "    - name: op\\n      doc: x\\n      attribute-set: s\\n"
                    + "      do:\\n        request:\\n"
                    + "          attributes: [ b ]\\n",
                    "bad.yaml:14: operations.list[0].do.request.attributes[0]: attribute"
                            + " 'b' is not in set 's'"),
            Arguments.of(HEAD + "operations:\\n  enum-model: directional\\n  list: []\\n",
                    "operations.enum-model: enum-model 'directional' is not supported"),
            Arguments.of(HEAD + "operations:\\n  list:\\n    - { name: a, doc: x, notify: b }\\n",
                    "operations.list[0].notify: no operation 'b'"),
            Arguments.of("name: t\\nprotocol: genetlink\\ndefinitions:\\n"
                    + "  - { type: struct, name: s, members: [] }\\n",
                    "definitions[0]: struct definitions need protocol genetlink-legacy"),
            Arguments.of("name: t\\nprotocol: genetlink\\nattribute-sets:\\n"
                    + "  - name: t-family\\n    attributes: []\\n",
                    "attribute set 't-family' and family descriptor both map to the Java"
                            + " class TFamily"),
            Arguments.of(SET + "      - { name: a-b, type: u32 }\\n"
                    + "      - { name: a_b, type: u8 }\\n",
                    "attribute-sets[0].attributes[1]: duplicate Java name for attribute 'aB'"),
            Arguments.of("name: t\\nprotocol: [ genetlink\\n",
                    "YAML error"),
            Arguments.of("protocol: genetlink\\n",
                    "bad.yaml:1: missing required key 'name'"));
    }

    @ParameterizedTest
    @MethodSource("badSpecs")
    void failsWithPlace(String spec, String expected) throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, spec.replace("\\n", "\n"));
        SpecException e = assertThrows(SpecException.class,
                () -> Generator.generate(f, "p", false));
        assertTrue(e.getMessage().contains(expected.strip()),
                "expected '" + expected.strip() + "' in: " + e.getMessage());
    }
}
