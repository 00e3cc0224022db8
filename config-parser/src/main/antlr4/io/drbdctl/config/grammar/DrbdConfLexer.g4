// Lexer for drbd.conf, both the DRBD 9 and the 8.4 dialect.
// Keywords are distinct tokens; option names and values are plain words (STRING),
// so an unknown option is a semantic error with a suggestion, not a parse error.
lexer grammar DrbdConfLexer;

// Keywords are not lexer rules: every word is lexed as STRING and then typed by its text
// (in emit(), below). Sixty literal rules made the lexer's ATN the biggest part of the
// grammar, and building its DFA again in every run cost a drbdadm call tens of milliseconds.
// Same result: a keyword is a whole word, as longest match and rule order made it before.
tokens {
    ON,
    STACKED,
    FLOATING,
    NO,
    NET,
    YES,
    ASK,
    VIA,
    SKIP_,
    MODULE_EQ,
    MODULE_NE,
    MODULE_GT,
    MODULE_GE,
    MODULE_LT,
    MODULE_LE,
    DISK,
    HOST,
    HOSTS,
    PORT,
    PROXY,
    MINOR,
    INSIDE,
    VOLUME,
    CMD_TIMEOUT_SHORT,
    CMD_TIMEOUT_MEDIUM,
    CMD_TIMEOUT_LONG,
    SYNCER,
    DEVICE,
    GLOBAL,
    COMMON,
    OPTIONS,
    OUTSIDE,
    ADDRESS,
    STARTUP,
    INCLUDE,
    HANDLERS,
    CONNECTION,
    CONNECTION_MESH,
    MINOR_COUNT,
    DISABLE_IP_VERIFICATION,
    UDEV_ALWAYS_USE_VNR,
    DIALOG_REFRESH,
    RESOURCE,
    META_DISK,
    FLEX_META_DISK,
    NODE_ID,
    USAGE_COUNT,
    THIS_HOST,
    REMOTE_HOST,
    PEER_NODE_ID,
    IS_STANDALONE,
    TEMPLATE_FILE,
    PATH,
    SCI,
    SSOCKS,
    SDP,
    IPV4,
    IPV6
}

@members {
    /** Keyword text to token type. */
    private static final java.util.Map<String, Integer> KEYWORDS = java.util.Map.ofEntries(
        java.util.Map.entry("on", ON),
        java.util.Map.entry("stacked-on-top-of", STACKED),
        java.util.Map.entry("floating", FLOATING),
        java.util.Map.entry("no", NO),
        java.util.Map.entry("net", NET),
        java.util.Map.entry("yes", YES),
        java.util.Map.entry("ask", ASK),
        java.util.Map.entry("via", VIA),
        java.util.Map.entry("skip", SKIP_),
        java.util.Map.entry("require-drbd-module-version-eq", MODULE_EQ),
        java.util.Map.entry("require-drbd-module-version-ne", MODULE_NE),
        java.util.Map.entry("require-drbd-module-version-gt", MODULE_GT),
        java.util.Map.entry("require-drbd-module-version-ge", MODULE_GE),
        java.util.Map.entry("require-drbd-module-version-lt", MODULE_LT),
        java.util.Map.entry("require-drbd-module-version-le", MODULE_LE),
        java.util.Map.entry("disk", DISK),
        java.util.Map.entry("host", HOST),
        java.util.Map.entry("hosts", HOSTS),
        java.util.Map.entry("port", PORT),
        java.util.Map.entry("proxy", PROXY),
        java.util.Map.entry("minor", MINOR),
        java.util.Map.entry("inside", INSIDE),
        java.util.Map.entry("volume", VOLUME),
        java.util.Map.entry("cmd-timeout-short", CMD_TIMEOUT_SHORT),
        java.util.Map.entry("cmd-timeout-medium", CMD_TIMEOUT_MEDIUM),
        java.util.Map.entry("cmd-timeout-long", CMD_TIMEOUT_LONG),
        java.util.Map.entry("syncer", SYNCER),
        java.util.Map.entry("device", DEVICE),
        java.util.Map.entry("global", GLOBAL),
        java.util.Map.entry("common", COMMON),
        java.util.Map.entry("options", OPTIONS),
        java.util.Map.entry("outside", OUTSIDE),
        java.util.Map.entry("address", ADDRESS),
        java.util.Map.entry("startup", STARTUP),
        java.util.Map.entry("include", INCLUDE),
        java.util.Map.entry("handlers", HANDLERS),
        java.util.Map.entry("connection", CONNECTION),
        java.util.Map.entry("connection-mesh", CONNECTION_MESH),
        java.util.Map.entry("minor-count", MINOR_COUNT),
        java.util.Map.entry("disable-ip-verification", DISABLE_IP_VERIFICATION),
        java.util.Map.entry("udev-always-use-vnr", UDEV_ALWAYS_USE_VNR),
        java.util.Map.entry("dialog-refresh", DIALOG_REFRESH),
        java.util.Map.entry("resource", RESOURCE),
        java.util.Map.entry("meta-disk", META_DISK),
        java.util.Map.entry("flexible-meta-disk", FLEX_META_DISK),
        java.util.Map.entry("node-id", NODE_ID),
        java.util.Map.entry("usage-count", USAGE_COUNT),
        java.util.Map.entry("_this_host", THIS_HOST),
        java.util.Map.entry("_remote_host", REMOTE_HOST),
        java.util.Map.entry("_peer_node_id", PEER_NODE_ID),
        java.util.Map.entry("_is_standalone", IS_STANDALONE),
        java.util.Map.entry("template-file", TEMPLATE_FILE),
        java.util.Map.entry("path", PATH),
        java.util.Map.entry("sci", SCI),
        java.util.Map.entry("ssocks", SSOCKS),
        java.util.Map.entry("sdp", SDP),
        java.util.Map.entry("ipv4", IPV4),
        java.util.Map.entry("ipv6", IPV6));

    /** Keywords by length, and their types (index for index): found without making a string. */
    private static final String[][] KEYWORD_TEXTS = new String[32][];
    private static final int[][] KEYWORD_TYPES = new int[32][];
    static {
        String[] all = KEYWORDS.keySet().toArray(new String[0]);
        java.util.Arrays.sort(all);
        for (int len = 0; len < KEYWORD_TEXTS.length; len++) {
            int n = 0;
            for (String k : all) {
                n += k.length() == len ? 1 : 0;
            }
            KEYWORD_TEXTS[len] = new String[n];
            KEYWORD_TYPES[len] = new int[n];
            n = 0;
            for (String k : all) {
                if (k.length() == len) {
                    KEYWORD_TEXTS[len][n] = k;
                    KEYWORD_TYPES[len][n++] = KEYWORDS.get(k);
                }
            }
        }
    }

    /**
     * The input as a string when a char index is a code point index (no supplementary
     * characters): token texts are cut from it directly. Else null.
     */
    private String source;

    /** A lexer for {@code text}; {@code sourceName} names it in tokens and errors. */
    public DrbdConfLexer(String text, String sourceName) {
        this(charStream(text, sourceName));
        source = text.length() == text.codePointCount(0, text.length()) ? text : null;
    }

    /**
     * The text as a char stream: ASCII text (the usual) straight from its bytes, without the char
     * buffer CharStreams.fromString fills first.
     */
    private static CharStream charStream(String text, String sourceName) {
        // ASCII exactly when its UTF-8 form has a byte per char (a fast check in the JDK)
        byte[] ascii = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ascii.length == text.length()
                ? CodePointCharStream.fromBuffer(CodePointBuffer.withBytes(java.nio.ByteBuffer.wrap(ascii)), sourceName)
                : CharStreams.fromString(text, sourceName);
    }

    /**
     * Blanks and line ends before a token are skipped here, in a loop, instead of as WS tokens
     * through the lexer's machinery (half of a configuration's tokens are blanks between words);
     * the same tokens result, with the same lines and columns. WS still skips what follows a
     * comment.
     */
    @Override
    public Token nextToken() {
        CharStream in = _input;
        LexerATNSimulator sim = getInterpreter();
        int c = in.LA(1);
        while (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (c == '\n') {
                sim.setLine(sim.getLine() + 1);
                sim.setCharPositionInLine(0);
            } else {
                sim.setCharPositionInLine(sim.getCharPositionInLine() + 1);
            }
            in.consume();
            c = in.LA(1);
        }
        return super.nextToken();
    }

    /**
     * Words, numbers, addresses and strings get their text once, here: the parser and the model
     * read it (often more than once), and a token without text makes a new string each time. A
     * word is typed as its keyword here too (a keyword's text is the table's string); a lexer
     * action would cost a second copy of the text.
     */
    @Override
    public Token emit() {
        int type = getType();
        if (type == STRING || type == NUM || type == IPV4ADDR || type == DQSTRING || type == IPV6ADDR
                || type == KMODVERS) {
            int start = _tokenStartCharIndex;
            int end = getCharIndex();
            String text = null;
            if (type == STRING && source != null && end - start < KEYWORD_TEXTS.length) {
                String[] candidates = KEYWORD_TEXTS[end - start];
                char first = source.charAt(start);
                for (int i = 0; i < candidates.length; i++) {
                    if (candidates[i].charAt(0) == first && source.regionMatches(start, candidates[i], 0, end - start)) {
                        text = candidates[i];
                        setType(KEYWORD_TYPES[end - start][i]);
                        break;
                    }
                }
            }
            if (text == null) {
                text = source == null ? _input.getText(org.antlr.v4.runtime.misc.Interval.of(start, end - 1))
                        : end - start <= 16 ? shortText(start, end) : source.substring(start, end);
                if (type == STRING && source == null) {
                    setType(wordType(text));
                }
            }
            setText(text);
        }
        return super.emit();
    }

    /**
     * Short texts seen last, by a hash of their characters: a word that repeats (a host name, a
     * port, a node-id) is one string, made once, whose hash code is computed once.
     */
    private final String[] recentTexts = new String[512];

    private String shortText(int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + source.charAt(i);
        }
        int slot = (h ^ (h >>> 9)) & (recentTexts.length - 1);
        String s = recentTexts[slot];
        if (s == null || s.length() != end - start || !source.regionMatches(start, s, 0, end - start)) {
            s = source.substring(start, end);
            recentTexts[slot] = s;
        }
        return s;
    }

    /** The type of a word: its keyword's type, else STRING. */
    static int wordType(String text) {
        return KEYWORDS.getOrDefault(text, STRING);
    }

    /**
     * The vocabulary with the keywords' literal names ('on', 'disk', ...), as error messages and
     * suggestions show them.
     */
    public static Vocabulary keywordVocabulary() {
        String[] literal = new String[VOCABULARY.getMaxTokenType() + 1];
        String[] symbolic = new String[literal.length];
        for (int i = 0; i < literal.length; i++) {
            literal[i] = VOCABULARY.getLiteralName(i);
            symbolic[i] = VOCABULARY.getSymbolicName(i);
        }
        KEYWORDS.forEach((text, type) -> literal[type] = "'" + text + "'");
        return new VocabularyImpl(literal, symbolic);
    }
}

// one rule for all white space, line ends too (nextToken() skips most of it before a token)
WS      : [ \t\r\n]+ -> skip ;
COMMENT : '#' ~[\n]* -> skip ;

LBRACE : '{' ;
RBRACE : '}' ;
SEMI   : ';' ;
LBRACK : '[' ;
RBRACK : ']' ;
COLON  : ':' ;


KMODVERS : [0-9]+ '.' [0-9]+ '.' [0-9]+ ;
IPV4ADDR : SNUMB '.' SNUMB '.' SNUMB '.' SNUMB ;
IPV6ADDR : ( (HEX4 ':')* HEX4 )? ':' HEX4? ':' ( HEX4 (':' HEX4)* )? ( '%' WORDCHAR+ )?
         | '::' [fF][fF][fF][fF] ':' SNUMB '.' SNUMB '.' SNUMB '.' SNUMB
         ;
NUM : [0-9]+ [MKGs]? ;
DQSTRING : '"' ( ~["\\\n] | '\\' ~[\n] )* '"' ;
UNTERMINATED_DQSTRING : '"' ( ~["\\\n] | '\\' ~[\n] )* ( '\\'? '\n' | EOF_GUARD ) ;
STRING : WORDCHAR+ ;
ELSE : . ;

fragment EOF_GUARD : '\\' ;
fragment WORDCHAR : [a-zA-Z0-9/._-] ;
fragment SNUMB : [0-9] [0-9]? [0-9]? ;
fragment HEX4 : HEXD HEXD? HEXD? HEXD? ;
fragment HEXD : [0-9a-fA-F] ;
