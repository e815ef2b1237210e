package org.irqlab.dsl.simulation;

import org.irqlab.kernel.Errno;

/** Errors as a kernel engineer reads them: -EBUSY (-16). */
public final class Errnos {

	private Errnos() {
	}

	/** @param errno negative, as the kernel returns it */
	public static String describe(int errno) {
		return "-" + Errno.name(Math.abs(errno)) + " (" + (errno > 0 ? -errno : errno) + ")";
	}
}
