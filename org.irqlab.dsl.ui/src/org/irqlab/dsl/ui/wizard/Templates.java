package org.irqlab.dsl.ui.wizard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.FileLocator;
import org.irqlab.dsl.ui.IrqLabUiPlugin;

/** The models a new file can start from; the incident is examples/seed-incident.irqlab, copied in by the build. */
public enum Templates {
	INCIDENT("The incident: 80-CPU el8 host, 512 hot-plugged virtio_blk disks", "templates/seed-incident.irqlab"),
	EMPTY_MACHINE("An empty machine", "templates/empty-machine.irqlab");

	private final String label;
	private final String path;

	Templates(String label, String path) {
		this.label = label;
		this.path = path;
	}

	public String label() {
		return label;
	}

	public String text() throws IOException {
		URL entry = FileLocator.find(IrqLabUiPlugin.getDefault().getBundle(), org.eclipse.core.runtime.IPath.fromOSString(path));
		if (entry == null) {
			throw new IOException("the IrqLab bundle has no " + path);
		}
		try (InputStream in = entry.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
