// Lexer for drbd.conf, both the DRBD 9 and the 8.4 dialect.
// Keywords are distinct tokens; option names and values are plain words (STRING),
// so an unknown option is a semantic error with a suggestion, not a parse error.
lexer grammar DrbdConfLexer;

NEWLINE : '\r'? '\n' -> channel(HIDDEN) ;
WS      : [ \t\r]+ -> channel(HIDDEN) ;
COMMENT : '#' ~[\n]* -> channel(HIDDEN) ;

LBRACE : '{' ;
RBRACE : '}' ;
SEMI   : ';' ;
LBRACK : '[' ;
RBRACK : ']' ;
COLON  : ':' ;

ON : 'on' ;
STACKED : 'stacked-on-top-of' ;
FLOATING : 'floating' ;
NO : 'no' ;
NET : 'net' ;
YES : 'yes' ;
ASK : 'ask' ;
VIA : 'via' ;
SKIP_ : 'skip' ;
MODULE_EQ : 'require-drbd-module-version-eq' ;
MODULE_NE : 'require-drbd-module-version-ne' ;
MODULE_GT : 'require-drbd-module-version-gt' ;
MODULE_GE : 'require-drbd-module-version-ge' ;
MODULE_LT : 'require-drbd-module-version-lt' ;
MODULE_LE : 'require-drbd-module-version-le' ;
DISK : 'disk' ;
HOST : 'host' ;
HOSTS : 'hosts' ;
PORT : 'port' ;
PROXY : 'proxy' ;
MINOR : 'minor' ;
INSIDE : 'inside' ;
VOLUME : 'volume' ;
CMD_TIMEOUT_SHORT : 'cmd-timeout-short' ;
CMD_TIMEOUT_MEDIUM : 'cmd-timeout-medium' ;
CMD_TIMEOUT_LONG : 'cmd-timeout-long' ;
SYNCER : 'syncer' ;
DEVICE : 'device' ;
GLOBAL : 'global' ;
COMMON : 'common' ;
OPTIONS : 'options' ;
OUTSIDE : 'outside' ;
ADDRESS : 'address' ;
STARTUP : 'startup' ;
INCLUDE : 'include' ;
HANDLERS : 'handlers' ;
CONNECTION : 'connection' ;
CONNECTION_MESH : 'connection-mesh' ;
MINOR_COUNT : 'minor-count' ;
DISABLE_IP_VERIFICATION : 'disable-ip-verification' ;
UDEV_ALWAYS_USE_VNR : 'udev-always-use-vnr' ;
DIALOG_REFRESH : 'dialog-refresh' ;
RESOURCE : 'resource' ;
META_DISK : 'meta-disk' ;
FLEX_META_DISK : 'flexible-meta-disk' ;
NODE_ID : 'node-id' ;
USAGE_COUNT : 'usage-count' ;
THIS_HOST : '_this_host' ;
REMOTE_HOST : '_remote_host' ;
PEER_NODE_ID : '_peer_node_id' ;
IS_STANDALONE : '_is_standalone' ;
TEMPLATE_FILE : 'template-file' ;
PATH : 'path' ;
SCI : 'sci' ;
SSOCKS : 'ssocks' ;
SDP : 'sdp' ;
IPV4 : 'ipv4' ;
IPV6 : 'ipv6' ;

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
