// Parser for drbd.conf (DRBD 9 and 8.4 dialects). Structure only: which option
// belongs to which section, ranges and dialect checks are the option table's job.
parser grammar DrbdConfParser;

options { tokenVocab = DrbdConfLexer; contextSuperClass = CompactContext; }

config : topStmt* EOF ;

topStmt
    : GLOBAL LBRACE globalStmt* RBRACE              # globalSection
    | COMMON LBRACE resStmt* RBRACE                 # commonSection
    | RESOURCE name=word LBRACE resStmt* RBRACE     # resourceSection
    | INCLUDE word SEMI                             # includeStmt
    | moduleOp KMODVERS SEMI                        # moduleRequirement
    | skipBlock                                     # topSkip
    ;

moduleOp : MODULE_EQ | MODULE_NE | MODULE_GT | MODULE_GE | MODULE_LT | MODULE_LE ;

globalStmt
    : DISABLE_IP_VERIFICATION SEMI                  # gDisableIpVerification
    | UDEV_ALWAYS_USE_VNR SEMI                      # gUdevAlwaysUseVnr
    | MINOR_COUNT NUM SEMI                          # gMinorCount
    | DIALOG_REFRESH NUM SEMI                       # gDialogRefresh
    | (CMD_TIMEOUT_SHORT | CMD_TIMEOUT_MEDIUM | CMD_TIMEOUT_LONG) NUM SEMI   # gCmdTimeout
    | USAGE_COUNT (YES | NO | ASK) SEMI             # gUsageCount
    ;

resStmt
    : ON hostNames LBRACE hostStmt* RBRACE          # onHost
    | STACKED word LBRACE stackedStmt* RBRACE       # stackedOn
    | THIS_HOST LBRACE hostStmt* RBRACE             # thisHost
    | FLOATING address (LBRACE hostStmt* RBRACE | SEMI)   # floatingHost
    | NET optionBlock                               # resNet
    | SYNCER optionBlock                            # resSyncer
    | STARTUP optionBlock                           # resStartup
    | HANDLERS optionBlock                          # resHandlers
    | PROXY optionBlock                             # resProxy
    | OPTIONS optionBlock                           # resOptions
    | CONNECTION word? LBRACE connStmt* RBRACE      # connection
    | CONNECTION_MESH LBRACE meshStmt* RBRACE       # connectionMesh
    | TEMPLATE_FILE word SEMI                       # templateFile
    | volumeStmt                                    # resVolumeStmt
    | VOLUME NUM LBRACE volumeStmt* RBRACE          # resVolume
    | STRING value SEMI                             # resProtocol
    ;

hostNames : word+ ;

hostStmt
    : ADDRESS address SEMI                          # hostAddrStmt
    | PROXY proxySection                            # hostProxy
    | VOLUME NUM LBRACE volumeStmt* RBRACE          # hostVolume
    | NODE_ID NUM SEMI                              # hostNodeId
    | OPTIONS optionBlock                           # hostOptions
    | volumeStmt                                    # hostVolumeStmt
    ;

volumeStmt
    : DISK word SEMI                                # vDisk
    | DISK optionBlock                              # vDiskOptions
    | DEVICE (word (MINOR NUM)? | MINOR NUM) SEMI   # vDevice
    | META_DISK word (LBRACK NUM RBRACK)? SEMI      # vMetaDisk
    | FLEX_META_DISK word SEMI                      # vFlexMetaDisk
    | skipBlock                                     # vSkip
    ;

stackedStmt
    : DEVICE (word (MINOR NUM)? | MINOR NUM) SEMI   # sDevice
    | ADDRESS address SEMI                          # sAddress
    | PROXY proxySection                            # sProxy
    | VOLUME NUM LBRACE stackedVolStmt* RBRACE      # sVolume
    | NODE_ID NUM SEMI                              # sNodeId
    ;

stackedVolStmt
    : DEVICE (word (MINOR NUM)? | MINOR NUM) SEMI   # svDevice
    | DISK optionBlock                              # svDisk
    ;

address
    : af=(IPV4 | SSOCKS | SDP | SCI) IPV4ADDR COLON NUM
    | af=IPV6 LBRACK IPV6ADDR RBRACK COLON NUM
    | IPV4ADDR COLON NUM
    ;

proxySection : ON hostNames LBRACE proxyStmt* RBRACE ;

proxyStmt
    : INSIDE address SEMI                           # proxyInside
    | OUTSIDE address SEMI                          # proxyOutside
    | OPTIONS optionBlock                           # proxyOptions
    ;

connStmt
    : hostAddress                                   # cHost
    | PEER_NODE_ID NUM SEMI                         # cPeerNodeId
    | NET optionBlock                               # cNet
    | DISK optionBlock                              # cDisk
    | VOLUME NUM LBRACE DISK optionBlock RBRACE     # cVolume
    | IS_STANDALONE SEMI                            # cStandalone
    | PATH LBRACE hostAddress* RBRACE               # cPath
    | skipBlock                                     # cSkip
    ;

hostAddress
    : ( HOST word ( ADDRESS address | PORT NUM )?
      | kind=(ADDRESS | THIS_HOST | REMOTE_HOST) address
      ) ( VIA PROXY proxySection | SEMI )
    ;

meshStmt
    : HOSTS word+ SEMI                              # meshHosts
    | NET optionBlock                               # meshNet
    ;

optionBlock : LBRACE option* RBRACE ;

option
    : optName value* SEMI                           # plainOption
    | optName LBRACE pluginLine* RBRACE             # pluginOption
    ;

pluginLine : value+ SEMI ;

skipBlock : SKIP_ (~(LBRACE | RBRACE | SEMI))* skipBody ;
skipBody : LBRACE ( ~(LBRACE | RBRACE) | skipBody )* RBRACE ;

optName : ~(SEMI | LBRACE | RBRACE) ;
value : ~(SEMI | LBRACE | RBRACE) ;
word : STRING | DQSTRING | NUM | IPV4ADDR | KMODVERS ;
