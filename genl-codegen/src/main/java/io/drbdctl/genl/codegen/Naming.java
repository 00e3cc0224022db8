package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.AttrSet;
import io.drbdctl.genl.codegen.Model.EnumDef;
import io.drbdctl.genl.codegen.Model.Spec;
import io.drbdctl.genl.codegen.Model.StructDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Java class names of everything generated for one spec, checked for clashes up front (two
 * spec names mapping to one class would otherwise surface as a javac error).
 */
final class Naming {
    static final List<String> SUPPORT = List.of("WireStyle", "Binary", "AttrInfo", "AttributeSet",
            "Codec");
    private final Map<String, String> owners = new HashMap<>();
    private final String prefix;

    Naming(Spec spec, String specFile) {
        prefix = Names.type(spec.name());
        SUPPORT.forEach(s -> claim(s, "generated support class", specFile));
        claim(family(), "family descriptor", specFile);
        claim(op(), "operation enum", specFile);
        claim(constants(), "constants class", specFile);
        for (EnumDef e : spec.enums()) {
            claim(Names.type(e.name()), "definition '" + e.name() + "'", specFile);
        }
        for (StructDef s : spec.structs()) {
            claim(Names.type(s.name()), "definition '" + s.name() + "'", specFile);
        }
        for (AttrSet s : spec.sets()) {
            claim(set(s.name()), "attribute set '" + s.name() + "'", specFile);
        }
    }

    private void claim(String cls, String what, String specFile) {
        String prev = owners.put(cls, what);
        if (prev != null) {
            throw new SpecException(specFile, 0, "", what + " and " + prev
                    + " both map to the Java class " + cls);
        }
    }

    String family() {
        return prefix + "Family";
    }

    String op() {
        return prefix + "Op";
    }

    String constants() {
        return prefix + "Constants";
    }

    String set(String name) {
        return Names.type(name);
    }

    String def(String name) {
        return Names.type(name);
    }
}
