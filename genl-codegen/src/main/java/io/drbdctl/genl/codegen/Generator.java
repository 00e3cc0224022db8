package io.drbdctl.genl.codegen;

import io.drbdctl.genl.codegen.Model.AttrSet;
import io.drbdctl.genl.codegen.Model.EnumDef;
import io.drbdctl.genl.codegen.Model.Spec;
import io.drbdctl.genl.codegen.Model.StructDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Entry point: {@code --spec FILE --package PKG --out DIR [--u8-booleans] [--skip-missing]}.
 * Writes one Java file per generated class under DIR (files whose content is unchanged are
 * not rewritten). Errors are {@link SpecException}s naming file, line and spec path.
 */
public final class Generator {
    private Generator() {
    }

    public static void main(String[] args) {
        Path spec = null;
        Path out = null;
        String pkg = null;
        boolean u8 = false;
        boolean skipMissing = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--spec" -> spec = Path.of(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--package" -> pkg = value(args, ++i);
                case "--u8-booleans" -> u8 = true;
                case "--skip-missing" -> skipMissing = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (spec == null || out == null || pkg == null) {
            throw new IllegalArgumentException("usage: --spec FILE --package PKG --out DIR "
                    + "[--u8-booleans] [--skip-missing]");
        }
        if (skipMissing && !Files.exists(spec)) {
            System.out.println("genl-codegen: " + spec.getFileName()
                    + " absent, nothing generated");
            return;
        }
        Map<String, String> files = generate(spec, new GenOptions(pkg, u8), System.err::println);
        write(out, pkg, files);
        System.out.println("genl-codegen: " + spec.getFileName() + " -> " + files.size()
                + " classes in " + pkg);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** Class name to source text, for every class generated from {@code specPath}. */
    public static Map<String, String> generate(Path specPath, String pkg, boolean u8Booleans) {
        return generate(specPath, new GenOptions(pkg, u8Booleans), System.err::println);
    }

    static Map<String, String> generate(Path specPath, GenOptions options, Consumer<String> warn) {
        String file = specPath.getFileName().toString();
        Spec spec = new SpecParser(options).parse(SpecLoader.load(specPath, warn));
        Naming naming = new Naming(spec, file);
        String pkg = options.javaPackage();
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : Naming.SUPPORT) {
            out.put(s, SupportEmitter.emit(s, pkg, file));
        }
        DefinitionsEmitter defs = new DefinitionsEmitter(spec, naming, file);
        out.put(naming.constants(), defs.constants(pkg));
        for (EnumDef e : spec.enums()) {
            out.put(naming.def(e.name()), defs.enumDef(e, pkg));
        }
        for (StructDef s : spec.structs()) {
            out.put(naming.def(s.name()), defs.struct(s, pkg));
        }
        SetEmitter sets = new SetEmitter(spec, naming, file);
        for (AttrSet s : spec.sets()) {
            out.put(naming.set(s.name()), sets.emit(s, pkg));
        }
        out.put(naming.op(), new OpsEmitter(spec, naming, file).emit(pkg));
        out.put(naming.family(), new FamilyEmitter(spec, naming, file).emit(pkg));
        return out;
    }

    static void write(Path out, String pkg, Map<String, String> files) {
        Path dir = out.resolve(pkg.replace('.', '/'));
        try {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    String n = p.getFileName().toString();
                    if (n.endsWith(".java") && !files.containsKey(n.substring(0, n.length() - 5))
                            && Files.readString(p).startsWith(JavaOut.BANNER)) {
                        Files.delete(p);
                    }
                }
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey() + ".java");
                byte[] text = f.getValue().getBytes(StandardCharsets.UTF_8);
                if (!Files.exists(p) || !java.util.Arrays.equals(Files.readAllBytes(p), text)) {
                    Files.write(p, text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
