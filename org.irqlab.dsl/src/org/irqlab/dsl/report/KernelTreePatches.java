package org.irqlab.dsl.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * The proposed driver changes as `git format-patch` mails against the user's kernel tree: the tree's
 * own file is read, the change made in memory, and the unified diff computed by java-diff-utils. The
 * tree is only read, never written.
 */
public final class KernelTreePatches {

	public static final String VIRTIO_BLK = "drivers/block/virtio_blk.c";
	public static final String VIRTIO_PCI_COMMON = "drivers/virtio/virtio_pci_common.c";

	/** A patch mail, or why none could be made for this tree. */
	public record Outcome(String mail, String problem) {
		static Outcome problem(String why) {
			return new Outcome(null, why);
		}
	}

	/** A commit message: subject, paragraphs, trailers (Fixes:, Link:), without Signed-off-by. */
	public record Message(String subject, List<String> paragraphs, List<String> trailers) {
		/** A message whose body is a template's text: paragraphs separated by blank lines, see {@link MailText}. */
		static Message of(String subject, CharSequence body, String... trailers) {
			return new Message(subject, MailText.paragraphs(body), List.of(trailers));
		}
	}

	/**
	 * One file's change as the mail shows it.
	 *
	 * @param diff       the unified diff from the ---/+++ header on, each line ending in a newline
	 * @param insertions lines added, for the diffstat
	 * @param deletions  lines removed
	 */
	record Change(String file, String diff, int insertions, int deletions) {
	}

	private static final Pattern AFFINITY_DECLARATION = Pattern
			.compile("^\\s*struct\\s+irq_affinity\\s+(\\w+)\\s*=\\s*\\{[^}]*\\}\\s*;\\s*$");
	private static final Pattern MSIX_RESULT = Pattern.compile("\\b(\\w+)\\s*=\\s*vp_find_vqs_msix\\s*\\(");
	private static final Pattern INTX_RETURN = Pattern.compile("^(\\s*)return\\s+vp_find_vqs_intx\\s*\\(\\s*(\\w+)\\s*,");

	private KernelTreePatches() {
	}

	/** virtio_blk: init_vq() passes no irq_affinity descriptor, so the queue vectors are not managed. */
	public static Outcome dropAffinity(Path tree, Message message) {
		Source source = Source.read(tree, VIRTIO_BLK);
		if (source.problem != null) {
			return Outcome.problem(source.problem);
		}
		List<String> lines = new ArrayList<>(source.lines);
		int[] body = functionBody(lines, "init_vq");
		if (body == null) {
			return Outcome.problem(VIRTIO_BLK + " has no init_vq() definition");
		}
		int declaration = -1;
		String name = null;
		for (int i = body[0]; i <= body[1]; i++) {
			Matcher matcher = AFFINITY_DECLARATION.matcher(lines.get(i));
			if (matcher.matches()) {
				declaration = i;
				name = matcher.group(1);
				break;
			}
		}
		if (name == null) {
			return Outcome.problem("init_vq() in " + VIRTIO_BLK
					+ " declares no struct irq_affinity: this tree's virtio_blk already asks for no managed vectors");
		}
		Pattern use = Pattern.compile("&\\s*" + Pattern.quote(name) + "\\b");
		Pattern anyUse = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
		int call = -1;
		for (int i = body[0]; i <= body[1]; i++) {
			if (i == declaration) {
				continue;
			}
			if (lines.get(i).contains("virtio_find_vqs(") && call < 0) {
				call = i;
			}
			if (anyUse.matcher(lines.get(i)).find() && !(call >= 0 && use.matcher(lines.get(i)).find())) {
				return Outcome.problem("init_vq() in " + VIRTIO_BLK + " uses its irq_affinity descriptor " + name
						+ " beyond virtio_find_vqs() (line " + (i + 1) + "): change it by hand");
			}
		}
		if (call < 0) {
			return Outcome.problem("init_vq() in " + VIRTIO_BLK + " does not call virtio_find_vqs()");
		}
		boolean replaced = false;
		for (int i = call; i <= body[1] && !replaced; i++) {
			Matcher matcher = use.matcher(lines.get(i));
			if (matcher.find()) {
				lines.set(i, matcher.replaceFirst("NULL"));
				replaced = true;
			}
			if (lines.get(i).contains(";")) {
				break;
			}
		}
		if (!replaced) {
			return Outcome.problem("init_vq() in " + VIRTIO_BLK + " does not pass &" + name + " to virtio_find_vqs()");
		}
		lines.remove(declaration);
		return new Outcome(mail(message, VIRTIO_BLK, source.lines, lines), null);
	}

	/** virtio_pci: vp_find_vqs() gives up before INTx when the device has no interrupt line. */
	public static Outcome intxCheck(Path tree, Message message) {
		Source source = Source.read(tree, VIRTIO_PCI_COMMON);
		if (source.problem != null) {
			return Outcome.problem(source.problem);
		}
		List<String> lines = new ArrayList<>(source.lines);
		int[] body = functionBody(lines, "vp_find_vqs");
		if (body == null) {
			return Outcome.problem(VIRTIO_PCI_COMMON + " has no vp_find_vqs() definition");
		}
		String error = null;
		int intx = -1;
		Matcher intxCall = null;
		for (int i = body[0]; i <= body[1]; i++) {
			String line = lines.get(i);
			if (line.contains("pci_dev->irq") || line.contains("pci_dev->pin")) {
				return Outcome.problem("vp_find_vqs() in " + VIRTIO_PCI_COMMON
						+ " already checks for an interrupt line (line " + (i + 1) + "): the fix is in this tree");
			}
			Matcher msix = MSIX_RESULT.matcher(line);
			if (msix.find()) {
				error = msix.group(1);
			}
			Matcher candidate = INTX_RETURN.matcher(line);
			if (candidate.find() && intx < 0) {
				intx = i;
				intxCall = candidate;
			}
		}
		if (intx < 0 || error == null) {
			return Outcome.problem("vp_find_vqs() in " + VIRTIO_PCI_COMMON
					+ " does not end with `return vp_find_vqs_intx(...)` after an MSI-X attempt: change it by hand");
		}
		String indent = intxCall.group(1);
		String device = intxCall.group(2);
		lines.add(intx, indent + "\treturn " + error + ";");
		lines.add(intx, indent + "if (!to_vp_device(" + device + ")->pci_dev->irq)");
		return new Outcome(mail(message, VIRTIO_PCI_COMMON, source.lines, lines), null);
	}

	/** [first, last] line index of the function's body (its braces included), or null. */
	static int[] functionBody(List<String> lines, String function) {
		Pattern definition = Pattern.compile("^[A-Za-z_].*\\b" + Pattern.quote(function) + "\\s*\\(");
		for (int i = 0; i < lines.size(); i++) {
			if (definition.matcher(lines.get(i)).find()) {
				int[] body = bracedBlockFrom(lines, i);
				if (body != null) {
					return body;
				}
			}
		}
		return null;
	}

	/** The first {...} block from line {@code start} on, or null when a ';' ends a declaration before any '{'. */
	private static int[] bracedBlockFrom(List<String> lines, int start) {
		int depth = 0;
		int open = -1;
		for (int j = start; j < lines.size(); j++) {
			String line = lines.get(j);
			if (open < 0 && line.contains(";") && !line.contains("{")) {
				return null;
			}
			for (char c : line.toCharArray()) {
				if (c == '{') {
					open = open < 0 ? j : open;
					depth++;
				} else if (c == '}' && --depth == 0 && open >= 0) {
					return new int[] { open, j };
				}
			}
		}
		return null;
	}

	private static String mail(Message message, String file, List<String> original, List<String> revised) {
		Patch<String> patch = DiffUtils.diff(original, revised);
		List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + file, "b/" + file, original, patch, 3);
		int insertions = 0;
		int deletions = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			insertions += delta.getTarget().size();
			deletions += delta.getSource().size();
		}
		StringBuilder text = new StringBuilder();
		diff.forEach(line -> text.append(line).append('\n'));
		return PatchMail.render(message, new Change(file, text.toString(), insertions, deletions));
	}

	/** A file of the tree as lines, or why it cannot be used. */
	private static final class Source {
		final List<String> lines;
		final String problem;

		private Source(List<String> lines, String problem) {
			this.lines = lines;
			this.problem = problem;
		}

		static Source read(Path tree, String file) {
			Path path = tree.resolve(file);
			if (!Files.isRegularFile(path)) {
				return new Source(null, "the kernel tree " + tree + " has no " + file);
			}
			try {
				String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
				if (text.contains("\r")) {
					return new Source(null, file + " has CR line endings; IrqLab writes patches for LF files only");
				}
				if (!text.endsWith("\n")) {
					return new Source(null, file + " does not end with a newline; IrqLab cannot make a clean patch");
				}
				return new Source(Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1)), null);
			} catch (IOException e) {
				return new Source(null, "cannot read " + path + ": " + e.getMessage());
			}
		}
	}
}
