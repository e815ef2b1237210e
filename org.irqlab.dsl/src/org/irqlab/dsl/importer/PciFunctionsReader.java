package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads /sys/bus/pci/devices/*: the driver link, irq, numa_node and msi_irqs of each function. */
public final class PciFunctionsReader {

	static final String PCI_DIR = "sys/bus/pci/devices/";
	private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{4,}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");

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
			int intx = number(root, dir + "irq", -1);
			int node = number(root, dir + "numa_node", -1);
			List<Integer> msi = new ArrayList<>();
			for (String irq : root.list(dir + "msi_irqs")) {
				if (irq.chars().allMatch(Character::isDigit) && irq.length() < 10) {
					msi.add(Integer.parseInt(irq));
				}
			}
			msi.sort(null);
			functions.add(new PciFunctionInfo(address, driver, intx, node, List.copyOf(msi)));
		}
		return List.copyOf(functions);
	}

	private static int number(CaptureRoot root, String relative, int absent) throws InputError {
		Optional<TextFile> file = root.read(relative);
		if (file.isEmpty()) {
			return absent;
		}
		String text = file.get().firstLine();
		try {
			return Integer.parseInt(text);
		} catch (NumberFormatException e) {
			throw file.get().error(0, "'" + CpuListText.shorten(text) + "' is not a number");
		}
	}
}
