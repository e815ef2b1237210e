package org.irqlab.dsl.tests.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.irqlab.dsl.verify.GuestVerifier;
import org.irqlab.dsl.verify.GuestVerifier.Acceleration;
import org.irqlab.dsl.verify.QemuCommand.Accel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `--accel auto` on a host where KVM hung once goes to TCG at once the next time, and says why. */
class KvmFallbackTest {

	@Test
	void autoTriesKvmFirstUntilAnEarlierRunFoundItHung(@TempDir Path cache) throws IOException {
		Path marker = cache.resolve("kvm-unusable");
		List<String> progress = new ArrayList<>();

		assertEquals(List.of(Accel.KVM, Accel.TCG, Accel.TCG_ONE_THREAD),
				GuestVerifier.accelerators(Acceleration.AUTO, true, marker, progress::add));
		assertTrue(progress.isEmpty(), progress.toString());

		Files.writeString(marker, "the guest did not reach its init within 60 s, 2026-12-01\n");
		assertEquals(List.of(Accel.TCG, Accel.TCG_ONE_THREAD),
				GuestVerifier.accelerators(Acceleration.AUTO, true, marker, progress::add));
		assertEquals(List.of("KVM did not work here before (the guest did not reach its init within 60 s, 2026-12-01);"
				+ " using TCG (delete " + marker + " or pass --accel kvm to try KVM again)"), progress);

		// asked for by name, KVM is tried whatever an earlier run found
		assertEquals(List.of(Accel.KVM), GuestVerifier.accelerators(Acceleration.KVM, true, marker, progress::add));
		// no /dev/kvm: TCG without a word
		assertEquals(List.of(Accel.TCG, Accel.TCG_ONE_THREAD),
				GuestVerifier.accelerators(Acceleration.AUTO, false, cache.resolve("none"), progress::add));
	}
}
