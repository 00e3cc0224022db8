// Lexer for drbd.conf, both the DRBD 9 and the 8.4 dialect.
// Keywords are distinct tokens; option names and values are plain words (STRING),
// so an unknown option is a semantic error with a suggestion, not a parse error.
lexer grammar DrbdConfLexer;

// Keywords are not lexer rules: every word is lexed as STRING and then typed by its text
// (the action of STRING). Sixty literal rules made the lexer's ATN the biggest part of the
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

NEWLINE : '\r'? '\n' -> skip ;
WS      : [ \t\r]+ -> skip ;
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
STRING : WORDCHAR+ { setType(wordType(getText())); } ;
ELSE : . ;

fragment EOF_GUARD : '\\' ;
fragment WORDCHAR : [a-zA-Z0-9/._-] ;
fragment SNUMB : [0-9] [0-9]? [0-9]? ;
fragment HEX4 : HEXD HEXD? HEXD? HEXD? ;
fragment HEXD : [0-9a-fA-F] ;
