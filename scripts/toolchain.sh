# Sourced by ./irqlab and .ci/run: finds a JDK 21+ and a Maven 3.9 for the Tycho build.
# Nothing is downloaded from anywhere but Maven's default remote repository.

IRQLAB_ROOT="${IRQLAB_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
IRQLAB_MAVEN_VERSION=3.9.11
IRQLAB_TOOLS="$IRQLAB_ROOT/.tools"

irqlab_java_major() {
  # The JDK's release file says it without starting a JVM (0.1-0.3 s of every ./irqlab run); ask java otherwise.
  local major=""
  if [ -f "$1/release" ]; then
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n1)
  fi
  if [ -z "$major" ]; then
    major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1 | cut -d. -f1)
  fi
  echo "$major"
}

# Tycho 5 and the Eclipse 4.3x platform need Java 21 or newer.
irqlab_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(irqlab_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "irqlab: no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm)." >&2
  echo "irqlab: install one (for example Debian's openjdk-21-jdk or a Temurin 21+ JDK) or set JAVA_HOME to it." >&2
  return 1
}

# Tycho 5 needs Maven 3.9.9+; the machine may only have an older mvn, which can fetch the newer one as an artifact.
irqlab_find_maven() {
  local home="$IRQLAB_TOOLS/apache-maven-$IRQLAB_MAVEN_VERSION"
  if [ -x "$home/bin/mvn" ]; then
    IRQLAB_MVN="$home/bin/mvn"; return 0
  fi
  if ! command -v mvn >/dev/null 2>&1; then
    echo "irqlab: Maven is needed to build IrqLab; install Maven 3.8 or newer (Debian: apt-get install maven)." >&2
    return 1
  fi
  echo "irqlab: fetching Maven $IRQLAB_MAVEN_VERSION as an artifact (Tycho 5 needs Maven 3.9.9+)..." >&2
  # Run outside the project: the old mvn cannot load the project's Tycho build extension. It runs on the
  # system's default java when there is one (newer JDKs warn about the old mvn's use of sun.misc.Unsafe).
  local artifact="org.apache.maven:apache-maven:$IRQLAB_MAVEN_VERSION:tar.gz:bin" log
  log=$(mktemp)
  if ! (cd "${TMPDIR:-/tmp}" && { env -u JAVA_HOME mvn -q -B dependency:get -Dartifact="$artifact" \
      || mvn -q -B dependency:get -Dartifact="$artifact"; }) > "$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "irqlab: could not fetch Maven $IRQLAB_MAVEN_VERSION through the installed mvn (see above)" >&2
    return 1
  fi
  rm -f "$log"
  local repo="${IRQLAB_M2_REPO:-$HOME/.m2/repository}"
  local archive="$repo/org/apache/maven/apache-maven/$IRQLAB_MAVEN_VERSION/apache-maven-$IRQLAB_MAVEN_VERSION-bin.tar.gz"
  mkdir -p "$IRQLAB_TOOLS"
  tar -xzf "$archive" -C "$IRQLAB_TOOLS" || return 1
  IRQLAB_MVN="$home/bin/mvn"
}

irqlab_toolchain() {
  irqlab_find_jdk && irqlab_find_maven
}
