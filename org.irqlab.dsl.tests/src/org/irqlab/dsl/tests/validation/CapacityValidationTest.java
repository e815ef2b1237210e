package org.irqlab.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.ScenarioSimulations;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.irqlab.dsl.validation.IssueCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/** What the kernel would do, reported on the statement that causes it. */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class CapacityValidationTest {

	/** The incident host: el8, 80 CPUs, the thread's pre-probe counters, DPU disks without INTx. */
	private static final String INCIDENT = """
			machine inspur {
			    kernel el8-4.18
			    cpus 80
			    nodes 2
			    system vectors 32, 50, 128
			    crash { global_available 15593 global_reserved 149 total_allocated 409 }
			}
			device dpu_disk : virtio_blk { queues 2 intx none numa none }
			scenario hotplug on inspur {
			    add 512 x dpu_disk
			}
			""";

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private ScenarioSimulations simulations;

	@Test
	void incidentFailsOnTheAddWithTheKernelsMessage() throws Exception {
		Model model = parser.parse(INCIDENT);

		validation.assertError(model, Literals.ADD_EVENT, IssueCodes.DEVICE_PROBE_FAILS,
				INCIDENT.indexOf("add 512 x dpu_disk"), "add 512 x dpu_disk".length(),
				"devices 292..512 of this add", "fail to probe: -EBUSY (-16)",
				"genirq: Flags mismatch irq 0. 00000080 (virtio291) vs. 00015a00 (timer)",
				"took 81 slots");
	}

	@Test
	void incidentWarnsOfTheSharedFallbackBeforeTheFailures() throws Exception {
		Model model = parser.parse(INCIDENT);

		validation.assertWarning(model, Literals.ADD_EVENT, IssueCodes.FALLBACK_SHARED_MSIX,
				INCIDENT.indexOf("add 512 x dpu_disk"), "add 512 x dpu_disk".length(),
				"devices 191..291 of this add", "shared MSI-X", "per-queue MSI-X: -ENOSPC (-28)");
	}

	@Test
	void quickFixDataNamesTheDeviceTypeAndTheRange() throws Exception {
		List<Issue> issues = validation.validate(parser.parse(INCIDENT));

		Issue failure = issues.stream().filter(i -> IssueCodes.DEVICE_PROBE_FAILS.equals(i.getCode())).findFirst()
				.orElseThrow();
		assertEquals(List.of("dpu_disk", "292", "512", "-16"), List.of(failure.getData()));
	}

	@Test
	void headroomIsReportedOnTheScenarioName() throws Exception {
		Model model = parser.parse(INCIDENT);

		validation.assertIssue(model, Literals.SCENARIO, IssueCodes.HEADROOM, INCIDENT.indexOf("hotplug"),
				"hotplug".length(), Severity.INFO, "no room for another dpu_disk");
	}

	@Test
	void fewerDevicesThanFitGiveNoErrorNorWarning() throws Exception {
		Model model = parser.parse(INCIDENT.replace("add 512 x", "add 190 x"));

		List<Issue> issues = validation.validate(model);
		assertTrue(issues.stream().allMatch(i -> i.getSeverity() == Severity.INFO), () -> issues.toString());
	}

	@Test
	void theSimulationRunsOncePerStateOfTheResource() throws Exception {
		Model model = parser.parse(INCIDENT);
		Scenario scenario = (Scenario) model.getElements().get(2);

		ScenarioOutcome first = simulations.outcome(scenario, CancelIndicator.NullImpl);
		validation.validate(model);
		assertSame(first, simulations.outcome(scenario, CancelIndicator.NullImpl));

		XtextResource resource = (XtextResource) model.eResource();
		int offset = INCIDENT.indexOf("512");
		resource.update(offset, 3, "100");
		Scenario edited = (Scenario) ((Model) resource.getContents().get(0)).getElements().get(2);
		assertNotSame(first, simulations.outcome(edited, CancelIndicator.NullImpl));
	}

	@Test
	void aScenarioTooLargeToSimulateIsAnErrorNotAFreeze() throws Exception {
		String text = INCIDENT.replace("add 512 x dpu_disk", "repeat 100000 { add 1000 x dpu_disk }");

		validation.assertError(parser.parse(text), Literals.SCENARIO, IssueCodes.SIMULATION_TOO_LARGE,
				text.indexOf("hotplug"), "hotplug".length(), "more than IrqLab simulates while you edit");
	}

	@Test
	void refusedOfflineIsAWarningOnTheCpus() throws Exception {
		String text = """
				machine vm { kernel 6.1 cpus 8 nodes 1 load { placed 6 reserved 9 } }
				device nic : virtio_net { queues 4 intx 10 }
				scenario busy on vm {
				    add 170 x nic
				    offline 4-7
				}
				""";

		validation.assertWarning(parser.parse(text), Literals.CPU_EVENT, IssueCodes.CPU_OFFLINE_REFUSED,
				text.indexOf("4-7"), 3, "CPU 4 cannot go offline: -ENOSPC (-28)");
	}

	/** 200 NVMe controllers hot-added into a 16-CPU 6.1 guest of two nodes (QEMU puts them on no node). */
	private static final String NVME_GUEST = """
			machine guest {
			    kernel 6.1
			    cpus 16
			    nodes 2
			    load { placed 6 reserved 9 }
			    intx lines 10, 11
			}
			device ssd : nvme { queues 64 numa none }
			scenario probe on guest {
			    add 200 x ssd
			}
			""";

	@Test
	void nvmeAddedTogetherWarnsThatWhichControllersLoseVariesFromBootToBoot() throws Exception {
		Model model = parser.parse(NVME_GUEST);

		validation.assertWarning(model, Literals.ADD_EVENT, IssueCodes.ASYNC_PROBE_RANGE,
				NVME_GUEST.indexOf("add 200 x ssd"), "add 200 x ssd".length(),
				"between 167 and 178 of the 200 nvme of this add get per-queue vectors; which ones varies from boot"
						+ " to boot: NVMe probes asynchronously",
				"admin vectors pile up on the CPUs that come last in the masks",
				"Debian 6.1 guests of this kind (200 controllers, 16 CPUs in 2 nodes; range 167-178) fitted 170, 172 and 177");
	}

	@Test
	void nvmesFallbackIsItsOneVectorForAdminAndIoNotVirtiosSharedMsix() throws Exception {
		Model model = parser.parse(NVME_GUEST);

		validation.assertWarning(model, Literals.ADD_EVENT, IssueCodes.FALLBACK_SHARED_MSIX,
				NVME_GUEST.indexOf("add 200 x ssd"), "add 200 x ssd".length(),
				"devices 179..200 of this add (from nvme178) fall back to one MSI-X vector, nvme178q0, for the admin"
						+ " queue and a single I/O queue (nvme178q0, nvme178q1)");
		List<Issue> fallbacks = validation.validate(model).stream()
				.filter(issue -> IssueCodes.FALLBACK_SHARED_MSIX.equals(issue.getCode())).toList();
		assertEquals(1, fallbacks.size());
		assertTrue(!fallbacks.get(0).getMessage().contains("virtqueues") && !fallbacks.get(0).getMessage().contains("shared MSI-X"),
				fallbacks.get(0).getMessage());
	}
}
