package org.irqlab.dsl.importer;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.KernelVersion;
import org.irqlab.kernel.MachineSpec;

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
	private static final Pattern RELEASE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})(?:[.+-]\\S*)?");
	private static final Pattern RELEASE_NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)");

	private KernelProfiles() {
	}

	/** The release from /proc/version's first line. */
	public static String releaseOf(TextFile procVersion) throws InputError {
		String first = procVersion.firstLine();
		Matcher m = VERSION.matcher(first);
		if (!m.matches()) {
			throw procVersion.error(0, "expected `Linux version RELEASE ...`, found '" + CpuListText.shorten(first) + "'");
		}
		String line = procVersion.lines().get(0);
		checkRelease(procVersion, 0, line.indexOf(m.group(1)), m.group(1));
		return m.group(1);
	}

	/**
	 * Checks the major and minor numbers of a release as it stands in a captured file (/proc/version, crash's
	 * RELEASE:), so that {@link #map} only ever sees numbers a kernel can have.
	 *
	 * @param offset where the release starts in the line (0-based)
	 */
	public static void checkRelease(TextFile file, int index, int offset, String release) throws InputError {
		Matcher m = RELEASE_NUMBERS.matcher(release);
		if (m.lookingAt()) {
			CaptureNumbers.parseInt(file, index, offset + m.start(1), m.group(1), CaptureNumbers.KERNEL_VERSION);
			CaptureNumbers.parseInt(file, index, offset + m.start(2), m.group(2), CaptureNumbers.KERNEL_VERSION);
		}
	}

	/**
	 * The profile when no release was captured: the one whose vector space is the one the matrix shows. A
	 * VECTOR file with the mac column tells the vectors per CPU outside the system map (avl + man + act - mac,
	 * the same on every CPU): el8 and 6.1 end the allocation range at 236, 6.12 at 235. One without the mac
	 * column is the 4.15-4.18 layout, el8-4.18's. A crash print's alloc_end tells the end itself. Without
	 * either, or when none fits, el8-4.18, the incident's kernel, is assumed; whatever the profile, the
	 * load's consistency check then speaks for the file.
	 *
	 * @param vector the VECTOR file, or null
	 * @param print  the last `p *vector_matrix`, or null
	 */
	public static Mapping inferred(VectorDebugfs vector, CrashSession.MatrixPrint print) {
		String none = "no /proc/version and no crash banner: kernel assumed to be ";
		if (vector != null && !vector.withManagedAllocated()) {
			return new Mapping(KernelRules.EL8_4_18, null, none + KernelRules.EL8_4_18.id()
					+ ", as the VECTOR file has no mac column (the 4.15-4.18 layout)");
		}
		if (vector != null) {
			Set<Integer> perCpu = new TreeSet<>();
			for (VectorDebugfs.CpuRow row : vector.cpus()) {
				perCpu.add(row.available() + row.managed() + row.allocated() - row.managedAllocated());
			}
			int shown = perCpu.size() == 1 ? perCpu.iterator().next() : -1;
			List<KernelRules> fit = KernelRules.values().stream()
					.filter(p -> capacity(p, vector.systemVectors()) == shown).toList();
			if (!fit.isEmpty()) {
				return new Mapping(fit.get(0), null, none + fit.get(0).id() + ", whose vector space leaves the " + shown
						+ " vectors per CPU outside the system map that the VECTOR file shows" + alsoFit(fit));
			}
		} else if (print != null) {
			List<KernelRules> fit = KernelRules.values().stream().filter(p -> p.defaultAllocEnd() == print.allocEnd())
					.toList();
			if (!fit.isEmpty()) {
				return new Mapping(fit.get(0), null, none + fit.get(0).id() + ", whose allocation range ends at "
						+ print.allocEnd() + " as the dump's alloc_end does" + alsoFit(fit));
			}
		}
		return new Mapping(KernelRules.EL8_4_18, null, none + KernelRules.EL8_4_18.id());
	}

	private static String alsoFit(List<KernelRules> fit) {
		return fit.size() == 1 ? ""
				: " (" + String.join(", ", fit.subList(1, fit.size()).stream().map(KernelRules::id).toList()) + " would as well)";
	}

	/** Vectors per CPU outside the system map, as a profile's allocation range and {@code system} leave them. */
	public static int capacity(KernelRules profile, CpuSet system) {
		int start = MachineSpec.FIRST_EXTERNAL_VECTOR;
		int end = profile.defaultAllocEnd();
		return end - start - (int) system.stream().filter(v -> v >= start && v < end).count();
	}

	/**
	 * The rules of a captured release, written as the release itself (`kernel "5.14.0-427.13.1.el9_4.x86_64"`)
	 * so the model names the very kernel it came from; a release IrqLab cannot read gets the nearest profile,
	 * and says so.
	 */
	public static Mapping map(String release) {
		KernelVersion.Parsed parsed = KernelVersion.parse(release);
		if (parsed.ok() && release.indexOf('"') < 0 && release.indexOf('\\') < 0) {
			return new Mapping(KernelRules.of(release), release, null);
		}
		Matcher m = RELEASE.matcher(release);
		if (!m.matches()) {
			return new Mapping(KernelRules.V6_12, release,
					"release " + release + " is not a version IrqLab can read: assumed 6.12");
		}
		int major = Integer.parseInt(m.group(1));
		int minor = Integer.parseInt(m.group(2));
		KernelRules nearest = nearest(major, minor);
		return new Mapping(nearest, release, "IrqLab models kernels from 4.15 on ("
				+ (parsed.ok() ? "its release has characters a model cannot quote" : parsed.error()) + "); " + release
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
		if (profile.equals(KernelRules.EL8_4_18)) {
			return " (no reservation mode, virtio_pci falls back to INTx without checking for a line)";
		}
		return profile.equals(KernelRules.V6_1) ? " (virtio_pci checks for an INTx line)" : " (virtio_pci's SHARED_SLOW step)";
	}
}
