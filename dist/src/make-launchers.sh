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

# tool name, main class, a training command line that touches the usual classes
tools=(
  "drbdadm    io.drbdctl.adm.Main    -c $training_dir/drbd.conf -d up r0"
  "drbdsetup  io.drbdctl.setup.Main  --help"
  "drbdmeta   io.drbdctl.meta.Main   --help"
)

mkdir -p "$dist/bin" "$dist/lib/cds" "$dist/share/man"
cd "$dist/lib"
# the archive records the class path; dump with the very string the launcher will use
dump_lib="$(readlink -f "$dist/bin")/../lib"
classpath=$(find . -maxdepth 1 -name '*.jar' -printf '%f\n' | LC_ALL=C sort |
            sed 's|^|$lib/|' | paste -sd: -)

for entry in "${tools[@]}"; do
  read -r name main training <<<"$entry"
  launcher="$dist/bin/$name"
  cat > "$launcher" <<LAUNCHER
#!/bin/sh
# $name launcher, written by the build (dist/src/make-launchers.sh). Put this
# directory on PATH. JAVA or JAVA_HOME choose another JVM; the class-data sharing
# archive is used only with the JVM that made it and ignored otherwise.
bin=\$(dirname "\$(readlink -f "\$0")")
lib="\$bin/../lib"
if [ -n "\${JAVA:-}" ]; then java=\$JAVA
elif [ -n "\${JAVA_HOME:-}" ]; then java=\$JAVA_HOME/bin/java
elif [ -x "$java" ]; then java="$java"
else java=java
fi
exec "\$java" -XX:SharedArchiveFile="\$lib/cds/$name.jsa" -Xshare:auto \\
  -Xlog:cds=off -Xlog:cds+dynamic=off \\
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData \\
  -cp "$classpath" $main "\$@"
LAUNCHER
  chmod 755 "$launcher"

  rm -f "cds/$name.jsa"
  # The training run's own exit status does not matter, only the archive it leaves.
  __DRBD_NODE__=alpha "$java" -XX:ArchiveClassesAtExit="cds/$name.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData \
    -cp "${classpath//\$lib/$dump_lib}" "$main" $training >/dev/null 2>&1 || true
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
