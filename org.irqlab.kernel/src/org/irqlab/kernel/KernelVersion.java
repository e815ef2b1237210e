package org.irqlab.kernel;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel as `uname -r` names it (or as a profile name or a bare upstream version): its upstream base
 * version and, for a distribution's build, which distribution and release it belongs to. Only what the
 * text itself says is read; nothing is looked up.
 *
 * @param major        upstream major version
 * @param minor        upstream minor version
 * @param sublevel     upstream stable point release, -1 when the text does not tell it (distribution builds
 *                     number their packages, not the upstream point release)
 * @param distribution whose build this is
 * @param release      the distribution's release ("9.4", "22.04", "12"), or null when unknown
 * @param written      the text as written
 */
public record KernelVersion(int major, int minor, int sublevel, Distribution distribution, String release,
        String written) {

    /** The distributions whose kernels IrqLab recognises from their `uname -r`. */
    public enum Distribution {
        UPSTREAM("upstream"),
        RHEL("RHEL"),
        UBUNTU("Ubuntu"),
        DEBIAN("Debian"),
        SUSE("SUSE"),
        /** A version with a suffix IrqLab does not know: a vendor's or a user's own build. */
        OTHER_BUILD("a build");

        private final String label;

        Distribution(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether the distribution takes the upstream stable point releases of its kernel line. */
        public boolean followsStable() {
            return this == UPSTREAM || this == UBUNTU || this == DEBIAN;
        }
    }

    /** The oldest kernel whose vector allocation IrqLab models: kernel/irq/matrix.c arrived in v4.15. */
    public static final int OLDEST_MODELLED = 4015;

    /** The newest upstream release whose rule changes docs/kernels.md has checked. */
    public static final int NEWEST_CHECKED = 6018;

    private static final Pattern NUMBERS = Pattern.compile("(\\d{1,2})\\.(\\d{1,3})(?:\\.(\\d{1,4}))?");
    // (a rebuild may add its own tags before .elN: 4.18.0-305.30.1.jmnd2.el8.x86_64, the incident's host)
    private static final Pattern RHEL = Pattern.compile("-(\\d+)(?:\\.[A-Za-z0-9_]+)*?\\.el(\\d+)(?:_(\\d+))?(?:\\..*)?");
    private static final Pattern UBUNTU = Pattern.compile(
            "-\\d+-(generic|lowlatency|aws|azure|gcp|gke|gkeop|kvm|oracle|ibm|nvidia|raspi|realtime|virtual|intel-iotg)(?:-.*)?");
    private static final Pattern DEBIAN = Pattern.compile(
            "(?:-\\d+)?(?:\\+deb(\\d+))?-(amd64|arm64|cloud-amd64|cloud-arm64|rt-amd64|rt-arm64|686|686-pae)");
    private static final Pattern SUSE = Pattern.compile("(?:-\\d+(?:\\.\\d+)*)?-(default|azure|rt|kvmsmall)");
    private static final Pattern UPSTREAM_SUFFIX = Pattern.compile("(?:-rc\\d+)?\\+?");

    /** RHEL 8 and 9 minor releases by the first number of their kernel build (release notes). */
    private static final Map<Integer, Map<Integer, String>> RHEL_MINOR_BY_BUILD = Map.of(
            8, Map.ofEntries(Map.entry(80, "8.0"), Map.entry(147, "8.1"), Map.entry(193, "8.2"), Map.entry(240, "8.3"),
                    Map.entry(305, "8.4"), Map.entry(348, "8.5"), Map.entry(372, "8.6"), Map.entry(425, "8.7"),
                    Map.entry(477, "8.8"), Map.entry(513, "8.9"), Map.entry(553, "8.10")),
            9, Map.of(70, "9.0", 162, "9.1", 284, "9.2", 362, "9.3", 427, "9.4", 503, "9.5", 570, "9.6"),
            10, Map.of(55, "10.0"));

    /** A parse result: the version, or why the text is not one. */
    public record Parsed(KernelVersion version, String error) {
        public boolean ok() {
            return version != null;
        }
    }

    /** `major * 1000 + minor`, the form the rule thresholds are written in (6.1 is 6001). */
    public int base() {
        return major * 1000 + minor;
    }

    public boolean atLeast(int majorMinor) {
        return base() >= majorMinor;
    }

    /** "upstream 5.10", "RHEL 9.4 (upstream 5.14 base)", "Debian 12 (upstream 6.1 base)". */
    public String describe() {
        String upstream = major + "." + minor + (sublevel >= 0 ? "." + sublevel : "");
        return switch (distribution) {
            case UPSTREAM -> "upstream " + upstream;
            case OTHER_BUILD -> "a build of upstream " + upstream + " IrqLab does not know";
            default -> distribution.label() + (release == null ? "" : " " + release) + " (upstream " + upstream + " base)";
        };
    }

    /** Reads `uname -r` text, a bare version (`5.10`, `6.6.30`) or a profile name (`el8-4.18`). */
    public static Parsed parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equals("el8-4.18")) {
            return new Parsed(new KernelVersion(4, 18, -1, Distribution.RHEL, "8.4", t), null);
        }
        Matcher m = NUMBERS.matcher(t);
        if (!m.lookingAt()) {
            return new Parsed(null, "'" + t + "' is not a kernel version: write what `uname -r` prints"
                    + " (5.14.0-427.13.1.el9_4.x86_64, 6.8.0-45-generic), an upstream version (5.10) or el8-4.18");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int sublevel = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
        if (major < 2 || major > 9) {
            return new Parsed(null, "'" + t + "': Linux has no major version " + major);
        }
        if (major * 1000 + minor < OLDEST_MODELLED) {
            return new Parsed(null, "kernel " + major + "." + minor + " predates the vector matrix (kernel/irq/matrix.c,"
                    + " v4.15): IrqLab models 4.15 and later");
        }
        String suffix = t.substring(m.end());
        return new Parsed(classify(major, minor, sublevel, suffix, t), null);
    }

    private static KernelVersion classify(int major, int minor, int sublevel, String suffix, String t) {
        Matcher rhel = RHEL.matcher(suffix);
        if (rhel.matches()) {
            int el = Integer.parseInt(rhel.group(2));
            String release = rhel.group(3) != null ? el + "." + rhel.group(3)
                    : rhelMinor(el, Integer.parseInt(rhel.group(1))).orElse(String.valueOf(el));
            // RHEL builds keep the upstream base's three numbers (4.18.0, 5.14.0): the .0 is not a point release.
            return new KernelVersion(major, minor, -1, Distribution.RHEL, release, t);
        }
        if (UBUNTU.matcher(suffix).matches()) {
            // Ubuntu writes every build as X.Y.0-ABI: the .0 is not the upstream point release it carries
            return new KernelVersion(major, minor, -1, Distribution.UBUNTU, ubuntuRelease(major, minor), t);
        }
        Matcher debian = DEBIAN.matcher(suffix);
        if (debian.matches()) {
            String release = debian.group(1) != null ? debian.group(1) : debianRelease(major, minor);
            // 6.1.0-50-amd64 numbers the package ABI; only 6.12.117+deb12 style names give the point release.
            int point = debian.group(1) != null ? sublevel : -1;
            return new KernelVersion(major, minor, point, Distribution.DEBIAN, release, t);
        }
        if (SUSE.matcher(suffix).matches()) {
            return new KernelVersion(major, minor, sublevel, Distribution.SUSE, suseRelease(major, minor), t);
        }
        if (UPSTREAM_SUFFIX.matcher(suffix).matches()) {
            return new KernelVersion(major, minor, sublevel, Distribution.UPSTREAM, null, t);
        }
        return new KernelVersion(major, minor, sublevel, Distribution.OTHER_BUILD, null, t);
    }

    private static Optional<String> rhelMinor(int el, int build) {
        Map<Integer, String> builds = RHEL_MINOR_BY_BUILD.get(el);
        return builds == null ? Optional.empty() : Optional.ofNullable(builds.get(build));
    }

    private static String ubuntuRelease(int major, int minor) {
        return switch (major * 1000 + minor) {
            case 4015 -> "18.04";
            case 5004 -> "20.04";
            case 5015 -> "22.04";
            case 6008 -> "24.04";
            default -> null;
        };
    }

    private static String debianRelease(int major, int minor) {
        return switch (major * 1000 + minor) {
            case 4019 -> "10";
            case 5010 -> "11";
            case 6001 -> "12";
            case 6012 -> "13";
            default -> null;
        };
    }

    private static String suseRelease(int major, int minor) {
        return switch (major * 1000 + minor) {
            case 4012 -> "SLES 15 SP1";
            case 5003 -> "SLES 15 SP2/SP3";
            case 5014 -> "SLES 15 SP4/SP5";
            case 6004 -> "SLES 15 SP6/SP7";
            default -> null;
        };
    }
}
