package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.KernelVersion;
import org.irqlab.kernel.KernelVersion.Distribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** `kernel` as `uname -r` prints it: which distribution, release and upstream base IrqLab reads from it. */
class KernelVersionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "4.18.0-305.30.1.el8_4.x86_64, RHEL, 8.4, 4, 18, -1, RHEL 8.4 (upstream 4.18 base)",
            "4.18.0-553.el8_10.x86_64, RHEL, 8.10, 4, 18, -1, RHEL 8.10 (upstream 4.18 base)",
            "4.18.0-513.5.1.el8.x86_64, RHEL, 8.9, 4, 18, -1, RHEL 8.9 (upstream 4.18 base)",
            "5.14.0-427.13.1.el9_4.x86_64, RHEL, 9.4, 5, 14, -1, RHEL 9.4 (upstream 5.14 base)",
            "6.12.0-55.9.1.el10_0.x86_64, RHEL, 10.0, 6, 12, -1, RHEL 10.0 (upstream 6.12 base)",
            "5.15.0-91-generic, UBUNTU, 22.04, 5, 15, -1, Ubuntu 22.04 (upstream 5.15 base)",
            "6.8.0-45-generic, UBUNTU, 24.04, 6, 8, -1, Ubuntu 24.04 (upstream 6.8 base)",
            "5.4.0-1103-aws, UBUNTU, 20.04, 5, 4, -1, Ubuntu 20.04 (upstream 5.4 base)",
            "6.1.0-28-amd64, DEBIAN, 12, 6, 1, -1, Debian 12 (upstream 6.1 base)",
            "6.1.0-57-cloud-amd64, DEBIAN, 12, 6, 1, -1, Debian 12 (upstream 6.1 base)",
            "6.12.117+deb12-amd64, DEBIAN, 12, 6, 12, 117, Debian 12 (upstream 6.12.117 base)",
            "5.14.21-150500.55.39-default, SUSE, SLES 15 SP4/SP5, 5, 14, 21, SUSE SLES 15 SP4/SP5 (upstream 5.14.21 base)",
            "5.10, UPSTREAM, , 5, 10, -1, upstream 5.10",
            "5.15.140, UPSTREAM, , 5, 15, 140, upstream 5.15.140",
            "6.6, UPSTREAM, , 6, 6, -1, upstream 6.6",
            "6.13-rc3, UPSTREAM, , 6, 13, -1, upstream 6.13",
            "el8-4.18, RHEL, 8.4, 4, 18, -1, RHEL 8.4 (upstream 4.18 base)",
            "5.10.0-custom-xyz, OTHER_BUILD, , 5, 10, 0, a build of upstream 5.10.0 IrqLab does not know" })
    void readsWhatUnameRPrints(String text, Distribution distribution, String release, int major, int minor,
            int sublevel, String describe) {
        KernelVersion.Parsed parsed = KernelVersion.parse(text);
        assertTrue(parsed.ok(), parsed.error());
        KernelVersion v = parsed.version();
        assertEquals(distribution, v.distribution());
        assertEquals(release, v.release());
        assertEquals(major, v.major());
        assertEquals(minor, v.minor());
        assertEquals(sublevel, v.sublevel());
        assertEquals(describe, v.describe());
    }

    @Test
    void refusesWhatIsNoKernelOrPredatesTheMatrix() {
        assertFalse(KernelVersion.parse("latest").ok());
        assertTrue(KernelVersion.parse("latest").error().contains("write what `uname -r` prints"));
        KernelVersion.Parsed el7 = KernelVersion.parse("3.10.0-1160.el7.x86_64");
        assertFalse(el7.ok());
        assertTrue(el7.error().contains("predates the vector matrix"), el7.error());
        assertFalse(KernelVersion.parse("4.14").ok());
        assertTrue(KernelVersion.parse("4.15").ok());
        assertFalse(KernelVersion.parse("99.1.0").ok());
    }

    @Test
    void theProfileNamesKeepTheirMeaning() {
        assertEquals(KernelRules.EL8_4_18, KernelRules.of("el8-4.18"));
        assertEquals(KernelRules.V6_1, KernelRules.of("6.1"));
        assertEquals(KernelRules.V6_12, KernelRules.of("6.12"));
        assertEquals("6.1.0-50-amd64", KernelRules.V6_1.release());
    }
}
