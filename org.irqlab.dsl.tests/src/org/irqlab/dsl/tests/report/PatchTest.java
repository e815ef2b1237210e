package org.irqlab.dsl.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.irqlab.dsl.report.KernelTreePatches;
import org.irqlab.dsl.report.ReportGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proposed driver changes as patches, against resources/kernel-fixture (a toy tree written for
 * these tests): the mails apply with git, the .cocci files parse with spatch and make the same change.
 */
public class PatchTest {

	private static final String BLK_MAIL = "seed-incident/hotplug/0001-virtio_blk-drop-irq-affinity.patch";
	private static final String PCI_MAIL = "seed-incident/hotplug/0001-virtio_pci-no-intx-without-irq.patch";

	private static List<ReportGenerator.GeneratedFile> seed(Path tree) {
		return Reports.generate(Reports.examples().resolve("seed-incident.irqlab"), tree, false);
	}

	@Test
	void mailsApplyWithGitApplyAndGitAm(@TempDir Path dir) throws Exception {
		Assumptions.assumeTrue(Process.installed("git"), "git is not installed: the patch mails cannot be tried");
		Path tree = dir.resolve("tree");
		Reports.copy(Reports.kernelFixture(), tree);
		List<ReportGenerator.GeneratedFile> files = seed(tree);
		Path blk = Files.writeString(dir.resolve("blk.patch"), Reports.content(files, BLK_MAIL));
		Path pci = Files.writeString(dir.resolve("pci.patch"), Reports.content(files, PCI_MAIL));

		Process.Result check = Process.run(tree, "git", "apply", "--check", "-v", blk.toString(), pci.toString());
		assertEquals(0, check.exitCode(), check.output());

		git(tree, "init", "-q");
		git(tree, "add", ".");
		git(tree, "commit", "-q", "-m", "toy tree");
		Process.Result am = Process.run(tree, "git", "-c", "user.name=Test", "-c", "user.email=test@invalid", "am",
				"--signoff", blk.toString(), pci.toString());
		assertEquals(0, am.exitCode(), am.output());
		String blkSource = Files.readString(tree.resolve(KernelTreePatches.VIRTIO_BLK));
		assertTrue(!blkSource.contains("irq_affinity") && blkSource.contains("names, NULL);"), blkSource);
		String pciSource = Files.readString(tree.resolve(KernelTreePatches.VIRTIO_PCI_COMMON));
		assertTrue(pciSource.contains("\tif (!to_vp_device(vdev)->pci_dev->irq)\n\t\treturn rc;\n\treturn vp_find_vqs_intx("),
				pciSource);
		Process.Result log = Process.run(tree, "git", "log", "-2", "--format=%s%n%b");
		assertTrue(log.output().contains("virtio_blk: do not request managed interrupts in init_vq()"), log.output());
		assertTrue(log.output().contains("Fixes: ad71473d9c43 (\"virtio_blk: use virtio IRQ affinity\")"), log.output());
		assertTrue(log.output().contains("221 of 512 fail to probe"), log.output());
	}

	@Test
	void aTreeThatHasTheFixGetsNoPatch(@TempDir Path dir) throws Exception {
		Path tree = dir.resolve("tree");
		Reports.copy(Reports.kernelFixture(), tree);
		Path pci = tree.resolve(KernelTreePatches.VIRTIO_PCI_COMMON);
		Files.writeString(pci, Files.readString(pci).replace("\t/* the legacy line */\n",
				"\tif (!to_vp_device(vdev)->pci_dev->irq)\n\t\treturn rc;\n"));
		Path blk = tree.resolve(KernelTreePatches.VIRTIO_BLK);
		Files.writeString(blk, Files.readString(blk).replace("\tstruct irq_affinity desc = { 0, };\n", "")
				.replace("&desc", "NULL"));
		KernelTreePatches.Message message = new KernelTreePatches.Message("s", List.of("p"), List.of());
		KernelTreePatches.Outcome intx = KernelTreePatches.intxCheck(tree, message);
		assertNull(intx.mail());
		assertTrue(intx.problem().contains("already checks for an interrupt line"), intx.problem());
		KernelTreePatches.Outcome drop = KernelTreePatches.dropAffinity(tree, message);
		assertNull(drop.mail());
		assertTrue(drop.problem().contains("declares no struct irq_affinity"), drop.problem());

		String html = Reports.content(seed(tree), "seed-incident/hotplug/report.html");
		assertTrue(html.contains("No patch against the kernel tree: init_vq() in drivers/block/virtio_blk.c declares no"),
				"the report says why there is no mail");
	}

	@Test
	void aTreeWithoutTheDriverIsExplained(@TempDir Path dir) {
		KernelTreePatches.Outcome outcome = KernelTreePatches.dropAffinity(dir,
				new KernelTreePatches.Message("s", List.of(), List.of()));
		assertNull(outcome.mail());
		assertEquals("the kernel tree " + dir + " has no drivers/block/virtio_blk.c", outcome.problem());
	}

	@Test
	void cocciFilesParseAndMakeTheSameChangeAsTheMails(@TempDir Path dir) throws Exception {
		Assumptions.assumeTrue(Process.installed("spatch"),
				"spatch is not installed (Debian: apt-get install coccinelle): the .cocci files are not checked");
		Assumptions.assumeTrue(Process.installed("git"), "git is not installed");
		List<ReportGenerator.GeneratedFile> files = seed(Reports.kernelFixture());
		Path byGit = dir.resolve("git");
		Path byCocci = dir.resolve("cocci");
		Reports.copy(Reports.kernelFixture(), byGit);
		Reports.copy(Reports.kernelFixture(), byCocci);
		for (String[] each : new String[][] { { "virtio_blk-drop-irq-affinity", KernelTreePatches.VIRTIO_BLK, BLK_MAIL },
				{ "virtio_pci-no-intx-without-irq", KernelTreePatches.VIRTIO_PCI_COMMON, PCI_MAIL } }) {
			Path cocci = Files.writeString(dir.resolve(each[0] + ".cocci"),
					Reports.content(files, "seed-incident/hotplug/" + each[0] + ".cocci"));
			Process.Result parse = Process.run(dir, "spatch", "--parse-cocci", cocci.toString(), "-D", "patch");
			assertEquals(0, parse.exitCode(), parse.output());

			Process.Result spatch = Process.run(byCocci, "spatch", "--sp-file", cocci.toString(), "-D", "patch",
					"--in-place", each[1]);
			assertEquals(0, spatch.exitCode(), spatch.output());
			Path mail = Files.writeString(dir.resolve(each[0] + ".patch"), Reports.content(files, each[2]));
			Process.Result apply = Process.run(byGit, "git", "apply", mail.toString());
			assertEquals(0, apply.exitCode(), apply.output());
			assertEquals(Files.readString(byGit.resolve(each[1])), Files.readString(byCocci.resolve(each[1])),
					each[0] + ": spatch and the mail change the file alike");

			String before = Files.readString(byCocci.resolve(each[1]));
			Process.Result again = Process.run(byCocci, "spatch", "--sp-file", cocci.toString(), "-D", "patch",
					"--in-place", each[1]);
			assertEquals(0, again.exitCode(), again.output());
			assertEquals(before, Files.readString(byCocci.resolve(each[1])), each[0] + " applies only once");
		}
	}

	@Test
	void theIntxCocciLeavesATreeWithTheUpstreamCheckAlone(@TempDir Path dir) throws Exception {
		Assumptions.assumeTrue(Process.installed("spatch"),
				"spatch is not installed (Debian: apt-get install coccinelle): the .cocci files are not checked");
		Path tree = dir.resolve("tree");
		Reports.copy(Reports.kernelFixture(), tree);
		Path pci = tree.resolve(KernelTreePatches.VIRTIO_PCI_COMMON);
		// the check as 6.1 and later write it, in parentheses
		Files.writeString(pci, Files.readString(pci).replace("\t/* the legacy line */\n",
				"\t/* Is there an interrupt? If not give up. */\n\tif (!(to_vp_device(vdev)->pci_dev->irq))\n\t\treturn rc;\n"));
		String before = Files.readString(pci);
		Path cocci = Files.writeString(dir.resolve("intx.cocci"),
				Reports.content(seed(Reports.kernelFixture()), "seed-incident/hotplug/virtio_pci-no-intx-without-irq.cocci"));

		Process.Result spatch = Process.run(tree, "spatch", "--sp-file", cocci.toString(), "-D", "patch", "--in-place",
				KernelTreePatches.VIRTIO_PCI_COMMON);
		assertEquals(0, spatch.exitCode(), spatch.output());
		assertEquals(before, Files.readString(pci), "a tree that has the check is left alone");
	}

	/**
	 * Debian's own 6.1 kernel source (package linux-source-6.1, /usr/src/linux-source-6.1.tar.xz): the INTx
	 * patch must change nothing (the tree has the fix), the virtio_blk patch and mail must apply.
	 */
	@Test
	void thePatchesOnDebiansLinuxSource61(@TempDir Path dir) throws Exception {
		Path tarball = Path.of("/usr/src/linux-source-6.1.tar.xz");
		Assumptions.assumeTrue(Files.isRegularFile(tarball),
				"Debian's linux-source-6.1 is not installed: the patches are not tried on a real kernel tree");
		Assumptions.assumeTrue(Process.installed("spatch"), "spatch is not installed (Debian: apt-get install coccinelle)");
		Assumptions.assumeTrue(Process.installed("git"), "git is not installed");
		Process.Result untar = Process.run(dir, "tar", "-xJf", tarball.toString(),
				"linux-source-6.1/" + KernelTreePatches.VIRTIO_PCI_COMMON, "linux-source-6.1/" + KernelTreePatches.VIRTIO_BLK);
		assertEquals(0, untar.exitCode(), untar.output());
		Path tree = dir.resolve("linux-source-6.1");
		List<ReportGenerator.GeneratedFile> files = seed(tree);
		assertTrue(files.stream().noneMatch(f -> f.path().equals(PCI_MAIL)), "no INTx mail for a tree that has the check");

		String pciBefore = Files.readString(tree.resolve(KernelTreePatches.VIRTIO_PCI_COMMON));
		Path intx = Files.writeString(dir.resolve("intx.cocci"),
				Reports.content(files, "seed-incident/hotplug/virtio_pci-no-intx-without-irq.cocci"));
		Process.Result pci = Process.run(tree, "spatch", "--sp-file", intx.toString(), "-D", "patch", "--in-place",
				KernelTreePatches.VIRTIO_PCI_COMMON);
		assertEquals(0, pci.exitCode(), pci.output());
		assertEquals(pciBefore, Files.readString(tree.resolve(KernelTreePatches.VIRTIO_PCI_COMMON)),
				"the INTx patch changes nothing on a tree that has the fix");

		Path mail = Files.writeString(dir.resolve("blk.patch"), Reports.content(files, BLK_MAIL));
		Process.Result check = Process.run(tree, "git", "apply", "--check", "-v", mail.toString());
		assertEquals(0, check.exitCode(), check.output());
		Path drop = Files.writeString(dir.resolve("drop.cocci"),
				Reports.content(files, "seed-incident/hotplug/virtio_blk-drop-irq-affinity.cocci"));
		Process.Result blk = Process.run(tree, "spatch", "--sp-file", drop.toString(), "-D", "patch", "--in-place",
				KernelTreePatches.VIRTIO_BLK);
		assertEquals(0, blk.exitCode(), blk.output());
		String blkAfter = Files.readString(tree.resolve(KernelTreePatches.VIRTIO_BLK));
		assertTrue(!blkAfter.contains("struct irq_affinity desc") && !blkAfter.contains("&desc"),
				"virtio_blk passes no descriptor after the patch");
	}

	private static void git(Path dir, String... args) throws Exception {
		String[] command = new String[args.length + 5];
		command[0] = "git";
		command[1] = "-c";
		command[2] = "user.name=Test";
		command[3] = "-c";
		command[4] = "user.email=test@invalid";
		System.arraycopy(args, 0, command, 5, args.length);
		Process.Result result = Process.run(dir, command);
		assertNotNull(result);
		assertEquals(0, result.exitCode(), result.output());
	}
}
