package org.irqlab.dsl.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqlab.kernel.KernelRules;

/**
 * Maps a kernel release (/proc/version, crash's RELEASE) to the profile that behaves most like it. Only
 * el8's 4.18, 6.1 and 6.12 are modelled; any other release gets the nearest one and says so.
 */
public final class KernelProfiles {

	/** The profile, and why when the release is not one IrqLab models. */
	public record Mapping(KernelRules profile, String release, String guess) {

		public boolean exact() {
			return guess == null;
		}
	}

	private static final Pattern VERSION = Pattern.compile("Linux version (\\S+).*");
	private static final Pattern RELEASE = Pattern.compile("(\\d+)\\.(\\d+)(?:[.-]\\S*)?");

	private KernelProfiles() {
	}

	/** The release from /proc/version's first line. */
	public static String releaseOf(TextFile procVersion) throws InputError {
		String first = procVersion.firstLine();
		Matcher m = VERSION.matcher(first);
		if (!m.matches()) {
			throw procVersion.error(0, "expected `Linux version RELEASE ...`, found '" + CpuListText.shorten(first) + "'");
		}
		return m.group(1);
	}

	public static Mapping map(String release) {
		Matcher m = RELEASE.matcher(release);
		if (!m.matches()) {
			return new Mapping(KernelRules.V6_12, release,
					"release " + release + " is not a version IrqLab can read: assumed 6.12");
		}
		int major = Integer.parseInt(m.group(1));
		int minor = Integer.parseInt(m.group(2));
		if (major == 4 && minor == 18 && release.contains(".el8")) {
			return new Mapping(KernelRules.EL8_4_18, release, null);
		}
		if (major == 6 && minor == 1) {
			return new Mapping(KernelRules.V6_1, release, null);
		}
		if (major == 6 && minor == 12) {
			return new Mapping(KernelRules.V6_12, release, null);
		}
		KernelRules nearest = nearest(major, minor);
		return new Mapping(nearest, release, "IrqLab models el8-4.18, 6.1 and 6.12; " + release
				+ " is closest to " + nearest.id() + describe(nearest));
	}

	// Where the modelled behaviours changed: virtio_pci's SHARED_SLOW step arrived in 6.11, so later
	// kernels act like 6.12; before 4.19 the matrix is the 4.18 one el8 carries.
	private static KernelRules nearest(int major, int minor) {
		int version = major * 1000 + minor;
		if (version < 4019) {
			return KernelRules.EL8_4_18;
		}
		return version >= 6011 ? KernelRules.V6_12 : KernelRules.V6_1;
	}

	private static String describe(KernelRules profile) {
		return switch (profile) {
			case EL8_4_18 -> " (no reservation mode, virtio_pci falls back to INTx without checking for a line)";
			case V6_1 -> " (virtio_pci checks for an INTx line)";
			case V6_12 -> " (virtio_pci's SHARED_SLOW step)";
		};
	}
}
