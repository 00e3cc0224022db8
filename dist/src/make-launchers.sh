#!/bin/bash
# Writes the tool launchers into DIST/bin and dumps one class-data sharing (CDS)
# archive per tool into DIST/lib/cds, so that each invocation maps the classes it
# needs instead of loading and verifying them from the jars.
#
# usage: make-launchers.sh DIST JAVA_HOME MANDIR
set -euo pipefail

dist=$1
java_home=$2
mandir=$3
java="$java_home/bin/java"

training_dir=$(cd "$(dirname "$(readlink -f "$0")")/cds-training" && pwd)

# tool name, main class, the class and command line of a training run that touches
# the usual classes. drbdmeta's training class runs create-md, dump-md, restore-md, ...
# on sparse files in a temporary directory of its own, all in one JVM; drbdsetup's
# loads and initializes every class of the project's jars (a command needs a DRBD
# kernel) and resolves nlctrl over netlink; drbdadm's runs a dry "up", then that.
tools=(
  "drbdadm    io.drbdctl.adm.Main    io.drbdctl.adm.CdsTraining  -c $training_dir/drbd.conf -d up r0"
  "drbdsetup  io.drbdctl.setup.Main  io.drbdctl.setup.CdsTraining"
  "drbdmeta   io.drbdctl.meta.Main   io.drbdctl.meta.CdsTraining"
)

mkdir -p "$dist/bin" "$dist/lib/cds" "$dist/share/man"

# drbdsetup and drbdadm reach the kernel over netlink through JNA; drbdmeta uses it
# for one call (the O_EXCL open of block devices). Unless told otherwise JNA
# unpacks its native library from the jar into a new temporary file at every
# start and runs "ldconfig -p" to find libc; both cost more than most commands.
# So unpack it once, here, and name both paths. ($lib is expanded by the
# launcher; the training run gets the absolute path.)
jna_native=
case $(uname -m) in
  x86_64) jna_arch=linux-x86-64 ;;
  aarch64) jna_arch=linux-aarch64 ;;
  *) jna_arch= ;;
esac
jna_jar=$(find "$dist/lib" -maxdepth 1 -name 'jna-[0-9]*.jar' | head -n 1)
if [ -n "$jna_arch" ] && [ -n "$jna_jar" ]; then
  rm -rf "$dist/lib/jna-native"
  mkdir -p "$dist/lib/jna-native"
  if (cd "$dist/lib/jna-native" && "$java_home/bin/jar" xf "$jna_jar" "com/sun/jna/$jna_arch/libjnidispatch.so") 2>/dev/null &&
     mv "$dist/lib/jna-native/com/sun/jna/$jna_arch/libjnidispatch.so" "$dist/lib/jna-native/"; then
    jna_native=yes
  fi
  rm -rf "$dist/lib/jna-native/com"
fi

# extra JVM options per tool: [tool]="launcher options|training options"
jna_opts="-Djna.platform.library.path="
jna_extra="$jna_opts${jna_native:+ \"-Djna.boot.library.path=\$lib/jna-native\"}|$jna_opts${jna_native:+ -Djna.boot.library.path=$dist/lib/jna-native}"
declare -A jvm_extra=(
  [drbdmeta]=$jna_extra
  [drbdsetup]=$jna_extra
  [drbdadm]=$jna_extra
)
cd "$dist/lib"
# the archive records the class path; dump with the very string the launcher will use
dump_lib="$(readlink -f "$dist/bin")/../lib"

# tool_classpath NAME: the tool's jar, then the jars its manifest's Class-Path names
# (Maven writes the runtime dependencies there), as $lib/... entries. A JVM opens every
# jar on its class path at start-up when it looks for services (JNA's logging makes it
# look), so each tool gets only its own.
tool_classpath() {
  local jar tmp
  jar=$(find . -maxdepth 1 -name "drbdctl-$1-[0-9]*.jar" -printf '%f\n' | head -n 1)
  [ -n "$jar" ] || { echo "make-launchers: no jar for $1" >&2; exit 1; }
  tmp=$(mktemp -d)
  (cd "$tmp" && "$java_home/bin/jar" xf "$dist/lib/$jar" META-INF/MANIFEST.MF)
  { printf '%s\n' "$jar"
    tr -d '\r' <"$tmp/META-INF/MANIFEST.MF" |
      awk '/^ / { line = line substr($0, 2); next } { if (line != "") print line; line = $0 }
           END { if (line != "") print line }' |
      sed -n 's/^Class-Path: *//p' | tr ' ' '\n'
  } | sed '/^$/d; s|^|$lib/|' | paste -sd: -
  rm -rf "$tmp"
}

for entry in "${tools[@]}"; do
  read -r name main training_main training <<<"$entry"
  classpath=$(tool_classpath "$name")
  for jar in $(tr ':' ' ' <<<"${classpath//\$lib\//}"); do
    [ -f "$jar" ] || { echo "make-launchers: $name needs $jar, which is not in $dist/lib" >&2; exit 1; }
  done
  extra=${jvm_extra[$name]:-|}
  train_extra=${extra#*|}
  extra=${extra%%|*}
  launcher="$dist/bin/$name"
  cat > "$launcher" <<LAUNCHER
#!/bin/sh
# $name launcher, written by the build (dist/src/make-launchers.sh). Put this
# directory on PATH. JAVA or JAVA_HOME choose another JVM; the class-data sharing
# archive is used only with the JVM that made it and ignored otherwise.
# the canonical directory of this script (the archive records that path), with
# shell built-ins where possible: no readlink/dirname processes at every start
self=\$0
[ -L "\$self" ] && self=\$(readlink -f "\$self")
case \$self in */*) ;; *) self=./\$self ;; esac
bin=\$(cd -P -- "\${self%/*}" && pwd -P)
lib="\$bin/../lib"
if [ -n "\${JAVA:-}" ]; then java=\$JAVA
elif [ -n "\${JAVA_HOME:-}" ]; then java=\$JAVA_HOME/bin/java
elif [ -x "$java" ]; then java="$java"
else java=java
fi
exec "\$java" -XX:SharedArchiveFile="\$lib/cds/$name.jsa" -Xshare:auto \\
  -Xlog:cds=off -Xlog:cds+dynamic=off \\
  -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=16m \\
  -XX:+UseSerialGC -XX:-UsePerfData $extra \\
  -cp "$classpath" $main "\$@"
LAUNCHER
  chmod 755 "$launcher"

  rm -f "cds/$name.jsa"
  # The training run's own exit status does not matter, only the archive it leaves.
  __DRBD_NODE__=alpha "$java" -XX:ArchiveClassesAtExit="cds/$name.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData $train_extra \
    -cp "${classpath//\$lib/$dump_lib}" "$training_main" $training >/dev/null 2>&1 || true
  if [ ! -s "cds/$name.jsa" ]; then
    echo "make-launchers: no CDS archive for $name (the launcher still works without)" >&2
  fi
  # the launcher must start the tool: --help prints usage (with the exit code the
  # reference tool uses for it), and the JVM reports no start-up failure
  out=$("$launcher" --help 2>&1 || true)
  if [ -z "$out" ] || grep -q -e 'Could not find or load main class' \
       -e 'Exception in thread' -e 'Error occurred during initialization' <<<"$out"; then
    echo "make-launchers: $launcher --help failed:" >&2
    printf '%s\n' "$out" | head -n 20 >&2
    exit 1
  fi
done

if [ -d "$mandir" ]; then
  find "$mandir" -maxdepth 1 -name '*.[0-9]' -exec cp {} "$dist/share/man/" \;
fi
echo "make-launchers: tools in $dist/bin"
