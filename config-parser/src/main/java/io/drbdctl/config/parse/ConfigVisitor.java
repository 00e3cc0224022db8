package io.drbdctl.config.parse;

import io.drbdctl.config.diag.Diagnostics;
import io.drbdctl.config.grammar.DrbdConfParser.CommonSectionContext;
import io.drbdctl.config.grammar.DrbdConfParser.GCmdTimeoutContext;
import io.drbdctl.config.grammar.DrbdConfParser.GDialogRefreshContext;
import io.drbdctl.config.grammar.DrbdConfParser.GDisableIpVerificationContext;
import io.drbdctl.config.grammar.DrbdConfParser.GMinorCountContext;
import io.drbdctl.config.grammar.DrbdConfParser.GUdevAlwaysUseVnrContext;
import io.drbdctl.config.grammar.DrbdConfParser.GUsageCountContext;
import io.drbdctl.config.grammar.DrbdConfParser.GlobalSectionContext;
import io.drbdctl.config.grammar.DrbdConfParser.GlobalStmtContext;
import io.drbdctl.config.grammar.DrbdConfParser.IncludeStmtContext;
import io.drbdctl.config.grammar.DrbdConfParser.ModuleRequirementContext;
import io.drbdctl.config.grammar.DrbdConfParser.ResStmtContext;
import io.drbdctl.config.grammar.DrbdConfParser.ResourceSectionContext;
import io.drbdctl.config.grammar.DrbdConfParserBaseVisitor;
import io.drbdctl.config.model.Global;
import io.drbdctl.config.model.Pos;
import io.drbdctl.config.model.Resource;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Visits the top-level statements of one file and adds them to the loader's state. */
final class ConfigVisitor extends DrbdConfParserBaseVisitor<Void> {
    private final ConfigLoader.State state;
    private final Diagnostics diags;
    private final String file;
    private final ResourceReader resources;

    ConfigVisitor(ConfigLoader.State state, String file) {
        this.state = state;
        this.diags = state.diags;
        this.file = file;
        OptionReader opts = new OptionReader(state.table, state.dialect, diags, file);
        this.resources = new ResourceReader(opts, new HostReader(opts, diags, file, state.nodeName), diags, file);
    }

    private Pos pos(Token t) {
        return new Pos(file, t.getLine(), t.getCharPositionInLine() + 1);
    }

    @Override
    public Void visitGlobalSection(GlobalSectionContext ctx) {
        if (state.global != null) {
            err(ctx.start, "conflicting use of global section 'global'; first used at "
                    + state.global.pos().file() + ":" + state.global.pos().line());
        }
        if (!state.resources.isEmpty()) {
            state.diags.warning(file, ctx.start.getLine(), ctx.start.getCharPositionInLine() + 1,
                    "put the global {} section in front of any resource {} section");
        }
        boolean dip = false, udev = false;
        int minorCount = 0, refresh = 1;
        String usage = "ask";
        Integer[] timeouts = new Integer[3];
        for (GlobalStmtContext g : ctx.globalStmt()) {
            if (g instanceof GDisableIpVerificationContext) {
                dip = true;
            } else if (g instanceof GUdevAlwaysUseVnrContext) {
                udev = true;
            } else if (g instanceof GMinorCountContext m) {
                minorCount = (int) range(m.NUM().getSymbol(), "minor-count", 1, 255);
            } else if (g instanceof GDialogRefreshContext d) {
                refresh = (int) range(d.NUM().getSymbol(), "dialog-refresh", 0, 600);
            } else if (g instanceof GCmdTimeoutContext c) {
                int v = (int) range(c.NUM().getSymbol(), c.start.getText(), 0, 900);
                timeouts[c.start.getText().endsWith("short") ? 0 : c.start.getText().endsWith("medium") ? 1 : 2] = v;
            } else if (g instanceof GUsageCountContext u) {
                usage = u.getChild(1).getText();
            }
        }
        state.global = new Global(dip, udev, minorCount, refresh, usage, timeouts[0], timeouts[1], timeouts[2],
                pos(ctx.start));
        return null;
    }

    private long range(Token t, String name, long min, long max) {
        Long v = ValueCheck.scaled(t.getText(), '1');
        if (v == null || !ValueCheck.isDigits(t.getText())) {
            err(t, name + " " + t.getText() + " is not a plain number");
            return min;
        }
        if (v < min || v > max) {
            err(t, name + " " + t.getText() + " => " + v + " out of range [" + min + ".." + max + "]");
        }
        return v;
    }

    @Override
    public Void visitCommonSection(CommonSectionContext ctx) {
        if (state.common != null) {
            err(ctx.start, "conflicting use of common section; first used at "
                    + state.common.pos().file() + ":" + state.common.pos().line());
        }
        state.common = resources.read("common", pos(ctx.start), ctx.resStmt(), true);
        return null;
    }

    @Override
    public Void visitResourceSection(ResourceSectionContext ctx) {
        String name = OptionReader.unquote(ctx.name.getText());
        if (!validName(name)) {
            err(ctx.name.start, "invalid resource name '" + name + "'");
        }
        Resource first = state.byName.get(name);
        if (first != null) {
            err(ctx.name.start, "conflicting use of resource name '" + name + "'; first used at "
                    + first.pos().file() + ":" + first.pos().line());
        }
        Resource r = resources.read(name, new Pos(file, ctx.start.getLine(), ctx.start.getCharPositionInLine() + 1),
                resStmts(ctx), false);
        state.resources.add(r);
        state.byName.putIfAbsent(name, r);
        return null;
    }

    /**
     * {@code ctx.resStmt()} by a plain type test per child (the generated accessor tests each
     * child against a Class object, a slow call in the launcher's JIT; this runs per resource).
     */
    static List<ResStmtContext> resStmts(ResourceSectionContext ctx) {
        List<ResStmtContext> out = new ArrayList<>(ctx.getChildCount());
        for (int i = 0; i < ctx.getChildCount(); i++) {
            if (ctx.getChild(i) instanceof ResStmtContext s) {
                out.add(s);
            }
        }
        return out;
    }

    /** [A-Za-z0-9_.+-]+, not starting with '-' (a loop: a regex compiled per resource is slow). */
    static boolean validName(String name) {
        if (name.isEmpty() || name.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '+' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Void visitIncludeStmt(IncludeStmtContext ctx) {
        state.loader.include(state, file, OptionReader.unquote(ctx.word().getText()), ctx.start);
        return null;
    }

    @Override
    public Void visitModuleRequirement(ModuleRequirementContext ctx) {
        state.moduleRequirements.add(ctx.moduleOp().getText() + " " + ctx.KMODVERS().getText());
        return null;
    }

    private void err(Token t, String msg) {
        diags.error(file, t.getLine(), t.getCharPositionInLine() + 1, msg);
    }
}
