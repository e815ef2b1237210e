package org.irqlab.dsl.simulation;

import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.dsl.model.DeviceNodeSetting;
import org.irqlab.dsl.model.DeviceSetting;
import org.irqlab.dsl.model.DriverParameter;
import org.irqlab.dsl.model.IntxSetting;
import org.irqlab.dsl.model.ManagedSetting;
import org.irqlab.dsl.model.QueuesSetting;
import org.irqlab.dsl.model.ReservedVectorsSetting;

/** Turns a `device` type of the model into the simulator's device spec. */
public final class DeviceTranslator {

	private DeviceTranslator() {
	}

	public static DeviceKind typeOf(org.irqlab.dsl.model.DeviceType device) {
		return switch (device.getDriver()) {
			case VIRTIO_BLK -> DeviceKind.VIRTIO_BLK;
			case VIRTIO_NET -> DeviceKind.VIRTIO_NET;
			case NVME -> DeviceKind.NVME;
			case MSIX -> DeviceKind.GENERIC_MSIX;
		};
	}

	public static DeviceSpec translate(org.irqlab.dsl.model.DeviceType device) {
		DeviceSpec.Builder builder = DeviceSpec.builder(typeOf(device));
		if (typeOf(device) == DeviceKind.GENERIC_MSIX) {
			builder.namePrefix(device.getName());
		}
		for (DeviceSetting setting : device.getSettings()) {
			apply(setting, builder);
		}
		return builder.build();
	}

	private static void apply(DeviceSetting setting, DeviceSpec.Builder builder) {
		if (setting instanceof QueuesSetting queues) {
			builder.queues(queues.getCount());
		} else if (setting instanceof ManagedSetting managed) {
			builder.managed(managed.getValue() == org.irqlab.dsl.model.Bool.TRUE);
		} else if (setting instanceof DeviceNodeSetting node) {
			if (node.isNone()) {
				builder.noNumaNode();
			} else {
				builder.numaNode(node.getNode());
			}
		} else if (setting instanceof IntxSetting intx) {
			builder.intxLine(intx.isNone() ? 0 : intx.getLine());
		} else if (setting instanceof DriverParameter parameter) {
			switch (parameter.getKind()) {
				case NUM_REQUEST_QUEUES -> builder.numRequestQueues(parameter.getValue());
				case POLL_QUEUES -> builder.pollQueues(parameter.getValue());
				case WRITE_QUEUES -> builder.writeQueues(parameter.getValue());
			}
		} else if (setting instanceof ReservedVectorsSetting vectors) {
			switch (vectors.getKind()) {
				case PRE -> builder.preVectors(vectors.getCount());
				case POST -> builder.postVectors(vectors.getCount());
				case MIN -> builder.minVectors(vectors.getCount());
			}
		}
	}
}
