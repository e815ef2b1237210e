package org.irqlab.dsl.validation;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.validation.Check;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.dsl.model.DeviceNodeSetting;
import org.irqlab.dsl.model.DeviceSetting;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Driver;
import org.irqlab.dsl.model.DriverParameter;
import org.irqlab.dsl.model.DriverParameterKind;
import org.irqlab.dsl.model.IntxSetting;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.model.QueuesSetting;
import org.irqlab.dsl.model.ReservedVectorsKind;
import org.irqlab.dsl.model.ReservedVectorsSetting;

/** A device type must be something its driver could be asked to set up. */
public class DeviceTypeValidator extends IrqLabCheckBase {

	@Check
	public void queuesAreAtLeastOne(QueuesSetting queues) {
		if (isWritten(queues, Literals.QUEUES_SETTING__COUNT) && !DeviceSpec.QUEUES.contains(queues.getCount())) {
			error("a device has " + DeviceSpec.QUEUES.min() + " to " + DeviceSpec.QUEUES.max() + " queues", queues,
					Literals.QUEUES_SETTING__COUNT, IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	@Check
	public void settingsAppearOnce(DeviceType device) {
		Map<Object, DeviceSetting> seen = new HashMap<>();
		for (DeviceSetting setting : device.getSettings()) {
			if (seen.putIfAbsent(keyOf(setting), setting) != null) {
				error("this setting is already given above", setting, null, IssueCodes.DUPLICATE_SETTING);
			}
		}
	}

	@Check
	public void intxLineIsALine(IntxSetting intx) {
		if (isWritten(intx, Literals.INTX_SETTING__LINE) && !DeviceSpec.INTX_LINE.contains(intx.getLine())) {
			error("an INTx line is " + DeviceSpec.INTX_LINE.min() + " to " + DeviceSpec.INTX_LINE.max()
					+ ", or `none` (irq 0 is the timer's)", intx,
					Literals.INTX_SETTING__LINE, IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	@Check
	public void numaNodeIsANode(DeviceNodeSetting node) {
		if (!node.isNone() && !MachineSpec.NUMA_NODE.contains(node.getNode())) {
			error("no machine has that many NUMA nodes", node, Literals.DEVICE_NODE_SETTING__NODE,
					IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	@Check
	public void driverParameterBelongsToTheDriver(DriverParameter parameter) {
		Driver driver = ((DeviceType) parameter.eContainer()).getDriver();
		boolean fits = switch (parameter.getKind()) {
			case NUM_REQUEST_QUEUES -> driver == Driver.VIRTIO_BLK;
			case POLL_QUEUES -> driver == Driver.VIRTIO_BLK || driver == Driver.NVME;
			case WRITE_QUEUES -> driver == Driver.NVME;
		};
		if (!fits) {
			error(driver.getLiteral() + " has no " + parameter.getKind().getLiteral() + " parameter", parameter,
					Literals.DRIVER_PARAMETER__KIND, IssueCodes.SETTING_NOT_FOR_DRIVER);
		}
	}

	@Check
	public void pollQueuesLeaveAnInterruptQueue(DeviceType device) {
		int queues = queuesOf(device);
		for (DeviceSetting setting : device.getSettings()) {
			if (setting instanceof DriverParameter parameter && parameter.getKind() == DriverParameterKind.POLL_QUEUES
					&& parameter.getValue() >= queues && queues > 0) {
				warning("the driver keeps at least one queue interrupt-driven: " + (queues - 1) + " poll queues at most",
						parameter, Literals.DRIVER_PARAMETER__VALUE, IssueCodes.VALUE_OUT_OF_RANGE);
			}
		}
	}

	@Check
	public void spreadVectorSettingsAreForGenericDevices(ReservedVectorsSetting vectors) {
		Driver driver = ((DeviceType) vectors.eContainer()).getDriver();
		if (driver != Driver.MSIX) {
			error(driver.getLiteral() + " chooses its own " + vectors.getKind().getLiteral()
					+ "; this setting is for `msix` devices", vectors, Literals.RESERVED_VECTORS_SETTING__KIND,
					IssueCodes.SETTING_NOT_FOR_DRIVER);
		} else if (vectors.getKind() == ReservedVectorsKind.MIN && vectors.getCount() > queuesOf((DeviceType) vectors.eContainer())) {
			error("min_vectors cannot exceed the device's vectors", vectors, Literals.RESERVED_VECTORS_SETTING__COUNT,
					IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	static int queuesOf(DeviceType device) {
		for (DeviceSetting setting : device.getSettings()) {
			if (setting instanceof QueuesSetting queues) {
				return queues.getCount();
			}
		}
		return 1;
	}

	/** Settings of one class, or parameters of one kind, may appear once. */
	private static Object keyOf(DeviceSetting setting) {
		if (setting instanceof DriverParameter parameter) {
			return parameter.getKind();
		}
		if (setting instanceof ReservedVectorsSetting vectors) {
			return vectors.getKind();
		}
		EClass eClass = setting.eClass();
		return eClass;
	}
}
