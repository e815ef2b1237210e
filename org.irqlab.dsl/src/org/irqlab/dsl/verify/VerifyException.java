package org.irqlab.dsl.verify;

/** Verification could not be done, for a reason the user can act on (no QEMU, no such package, a guest that hung). */
public final class VerifyException extends Exception {
	private static final long serialVersionUID = 1L;

	public VerifyException(String message) {
		super(message);
	}
}
