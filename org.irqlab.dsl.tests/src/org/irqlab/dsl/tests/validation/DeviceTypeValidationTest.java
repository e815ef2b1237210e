package org.irqlab.dsl.tests.validation;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.irqlab.dsl.validation.IssueCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/** A device type must be something its driver could be asked to set up. */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class DeviceTypeValidationTest {

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void zeroQueuesIsAnErrorOnTheCount() throws Exception {
		String text = "device d : virtio_blk {\n  queues 0\n}\n";

		validation.assertError(parser.parse(text), Literals.QUEUES_SETTING, IssueCodes.VALUE_OUT_OF_RANGE,
				text.indexOf("0\n"), 1, "1 to 2048 queues");
	}

	@Test
	void parameterOfAnotherDriverIsAnError() throws Exception {
		String text = "device n : virtio_net {\n  num_request_queues 4\n}\n";

		validation.assertError(parser.parse(text), Literals.DRIVER_PARAMETER, IssueCodes.SETTING_NOT_FOR_DRIVER,
				text.indexOf("num_request_queues"), "num_request_queues".length(),
				"virtio_net has no num_request_queues parameter");
	}

	@Test
	void spreadSettingsBelongToGenericDevices() throws Exception {
		String text = "device d : virtio_blk {\n  pre_vectors 2\n}\n";

		validation.assertError(parser.parse(text), Literals.RESERVED_VECTORS_SETTING,
				IssueCodes.SETTING_NOT_FOR_DRIVER, text.indexOf("pre_vectors"), "pre_vectors".length(),
				"virtio_blk chooses its own pre_vectors");
	}

	@Test
	void intxLineZeroIsTheTimers() throws Exception {
		String text = "device d : virtio_blk {\n  intx 0\n}\n";

		validation.assertError(parser.parse(text), Literals.INTX_SETTING, IssueCodes.VALUE_OUT_OF_RANGE,
				text.indexOf("0\n"), 1, "irq 0 is the timer's");
	}

	@Test
	void pollQueuesLeaveOneInterruptQueue() throws Exception {
		String text = "device d : virtio_blk {\n  queues 4\n  poll_queues 4\n}\n";

		validation.assertWarning(parser.parse(text), Literals.DRIVER_PARAMETER, IssueCodes.VALUE_OUT_OF_RANGE,
				text.indexOf("4\n}"), 1, "3 poll queues at most");
	}

	@Test
	void repeatedQueuesSettingIsAnError() throws Exception {
		String text = "device d : nvme {\n  queues 4\n  queues 8\n}\n";

		validation.assertError(parser.parse(text), Literals.QUEUES_SETTING, IssueCodes.DUPLICATE_SETTING,
				text.indexOf("queues 8"), "queues 8".length(), "already given above");
	}

	@Test
	void wellFormedDevicesHaveNoIssue() throws Exception {
		validation.assertNoIssues(parser.parse("""
				device disk : virtio_blk { queues 4 num_request_queues 2 poll_queues 1 intx none numa none }
				device nic : virtio_net { queues 8 numa 1 intx 11 }
				device ssd : nvme { queues 32 write_queues 4 poll_queues 2 }
				device gpu : msix { queues 16 managed true pre_vectors 1 post_vectors 1 min_vectors 2 }
				"""));
	}
}
