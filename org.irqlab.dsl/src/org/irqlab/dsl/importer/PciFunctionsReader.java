package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads /sys/bus/pci/devices/*: the driver link, irq, numa_node and msi_irqs of each function. */
public final class PciFunctionsReader {

	static final String PCI_DIR = "sys/bus/pci/devices/";
	private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{4,}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");

	/** A PCI function's numa_node: a node, or -1 (NUMA_NO_NODE) when the firmware did not say. */
	private static final CaptureNumbers.Range NUMA_NODE = CaptureNumbers.NODE;

	private PciFunctionsReader() {
	}

	public static List<PciFunctionInfo> read(CaptureRoot root) throws InputError {
		List<PciFunctionInfo> functions = new ArrayList<>();
		for (String address : root.list(PCI_DIR)) {
			if (!ADDRESS.matcher(address).matches()) {
				continue;
			}
			String dir = PCI_DIR + address + "/";
			String driver = root.linkName(dir + "driver").orElse(null);
			int intx = number(root, dir + "irq", CaptureNumbers.IRQ);
			int node = number(root, dir + "numa_node", NUMA_NODE);
			List<Integer> msi = new ArrayList<>();
			for (String irq : root.list(dir + "msi_irqs")) {
				if (!irq.isEmpty() && irq.chars().allMatch(Character::isDigit)) {
					msi.add(CaptureNumbers.parseInt(root.display(dir + "msi_irqs/" + irq), irq, CaptureNumbers.IRQ));
				}
			}
			msi.sort(null);
			functions.add(new PciFunctionInfo(address, driver, intx, node, List.copyOf(msi)));
		}
		return List.copyOf(functions);
	}

	/** The file's number; -1 when it is absent, or when it says -1 (numa_node's NUMA_NO_NODE). */
	private static int number(CaptureRoot root, String relative, CaptureNumbers.Range range) throws InputError {
		Optional<TextFile> file = root.read(relative);
		if (file.isEmpty()) {
			return -1;
		}
		String text = file.get().firstLine();
		if (range == NUMA_NODE && text.equals("-1")) {
			return -1;
		}
		String line = file.get().lines().get(0);
		return CaptureNumbers.parseInt(file.get(), 0, line.indexOf(text), text, range);
	}
}
