package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.VectorInfo;
import org.irqlab.dsl.model.Scenario;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * The JSON contract of `irqlab check --format json` and report.json (docs/cli.md): per file its
 * diagnostics outside any scenario, per scenario its probes (each with its interrupts and the matrix's
 * counters before and after it), its matrix at the end and its diagnostics.
 * Field order is fixed, so the same model always gives the same bytes.
 */
public final class ReportJson {

	/** Raised when the contract changes incompatibly. */
	public static final int FORMAT = 1;

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
			.create();

	private ReportJson() {
	}

	public static JsonObject document(List<JsonObject> files) {
		JsonObject root = new JsonObject();
		root.addProperty("format", FORMAT);
		JsonArray array = new JsonArray();
		files.forEach(array::add);
		root.add("files", array);
		return root;
	}

	/** A file's entry: {@code scenarios} in file order, each with the issues inside it; the rest at file level. */
	public static JsonObject file(String file, List<ScenarioFacts> scenarios, List<Issue> issues) {
		JsonObject object = new JsonObject();
		object.addProperty("file", file);
		List<Issue> outside = new ArrayList<>(issues);
		JsonArray array = new JsonArray();
		for (ScenarioFacts facts : scenarios) {
			List<Issue> inside = issuesInside(facts.outcome().scenario(), issues);
			outside.removeAll(inside);
			array.add(scenario(facts, inside));
		}
		object.add("diagnostics", diagnostics(outside));
		object.add("scenarios", array);
		return object;
	}

	/** A file that could not be read: no scenarios, the reason instead. */
	public static JsonObject unreadable(String file, String reason) {
		JsonObject object = new JsonObject();
		object.addProperty("file", file);
		object.addProperty("error", "cannot read: " + reason);
		object.add("diagnostics", new JsonArray());
		object.add("scenarios", new JsonArray());
		return object;
	}

	public static JsonObject scenario(ScenarioFacts facts, List<Issue> issues) {
		Scenario scenario = facts.outcome().scenario();
		JsonObject object = new JsonObject();
		object.addProperty("name", scenario.getName());
		object.addProperty("line", ScenarioFacts.lineOf(scenario));
		object.addProperty("machine", scenario.getMachine() == null || scenario.getMachine().eIsProxy() ? null
				: scenario.getMachine().getName());
		object.addProperty("kernel", facts.outcome().machine() == null ? null
				: facts.outcome().machine().profile().id());
		if (facts.outcome().machine() != null) {
			object.add("kernelRules", KernelRulesText.json(facts.outcome().machine().profile()));
		}
		object.addProperty("simulated", facts.outcome().simulated());
		object.addProperty("problem", facts.outcome().problem());
		JsonArray devices = new JsonArray();
		for (ScenarioFacts.DeviceRow row : facts.devices()) {
			JsonObject device = new JsonObject();
			device.addProperty("name", row.name());
			device.addProperty("type", row.type());
			device.addProperty("driver", row.driver());
			device.addProperty("index", row.index());
			device.addProperty("path", Paths.id(row.path()));
			device.addProperty("vectors", row.vectors());
			device.addProperty("errno", row.errno());
			device.addProperty("line", row.line());
			device.add("interrupts", interrupts(row.result().vectors()));
			device.add("matrixBefore", counters(row.result().before()));
			device.add("matrixAfter", counters(row.result().after()));
			devices.add(device);
		}
		object.add("devices", devices);
		object.add("matrix", facts.outcome().simulated() ? matrix(facts.outcome().end()) : JsonNull.INSTANCE);
		object.add("diagnostics", diagnostics(issues));
		return object;
	}

	/** A device's interrupts in MSI-X table order (or its INTx line), as /proc/interrupts and /proc/irq/N show them. */
	public static JsonArray interrupts(List<VectorInfo> vectors) {
		JsonArray array = new JsonArray();
		for (VectorInfo vector : vectors) {
			boolean placed = vector.effectiveCpu() >= 0;
			JsonObject object = new JsonObject();
			object.addProperty("name", vector.name());
			object.addProperty("queue", vector.queue());
			object.addProperty("irq", vector.irq());
			object.addProperty("vector", placed ? Integer.valueOf(vector.vector()) : null);
			object.addProperty("managed", vector.managed());
			object.addProperty("affinity", vector.affinity().toList());
			object.addProperty("effectiveCpu", placed ? Integer.valueOf(vector.effectiveCpu()) : null);
			object.addProperty("requested", vector.requested());
			array.add(object);
		}
		return array;
	}

	/** The matrix's global counters around one probe. */
	public static JsonObject counters(MatrixCounters counters) {
		JsonObject object = new JsonObject();
		object.addProperty("globalAvailable", counters.globalAvailable());
		object.addProperty("globalReserved", counters.globalReserved());
		object.addProperty("totalAllocated", counters.totalAllocated());
		return object;
	}

	public static JsonObject matrix(MatrixSnapshot snapshot) {
		JsonObject matrix = new JsonObject();
		matrix.addProperty("onlineMaps", snapshot.onlineMaps());
		matrix.addProperty("globalAvailable", snapshot.globalAvailable());
		matrix.addProperty("globalReserved", snapshot.globalReserved());
		matrix.addProperty("totalAllocated", snapshot.totalAllocated());
		matrix.addProperty("systemBits", snapshot.systemCount());
		JsonArray cpus = new JsonArray();
		for (MatrixSnapshot.CpuMap map : snapshot.cpus()) {
			JsonObject cpu = new JsonObject();
			cpu.addProperty("cpu", map.cpu());
			cpu.addProperty("online", map.online());
			cpu.addProperty("available", map.available());
			cpu.addProperty("managed", map.managed());
			cpu.addProperty("managedAllocated", map.managedAllocated());
			cpu.addProperty("allocated", map.allocated());
			cpus.add(cpu);
		}
		matrix.add("cpus", cpus);
		return matrix;
	}

	public static JsonArray diagnostics(List<Issue> issues) {
		JsonArray array = new JsonArray();
		for (Issue issue : issues) {
			JsonObject diagnostic = new JsonObject();
			diagnostic.addProperty("severity", issue.getSeverity().name().toLowerCase(Locale.ROOT));
			diagnostic.addProperty("line", issue.getLineNumber() == null ? 1 : issue.getLineNumber());
			diagnostic.addProperty("column", issue.getColumn() == null ? 1 : issue.getColumn());
			diagnostic.addProperty("code", issue.getCode());
			diagnostic.addProperty("message", issue.getMessage());
			array.add(diagnostic);
		}
		return array;
	}

	/** The issues whose location lies within the scenario's text. */
	public static List<Issue> issuesInside(Scenario scenario, List<Issue> issues) {
		ICompositeNode node = NodeModelUtils.getNode(scenario);
		if (node == null) {
			return List.of();
		}
		int start = node.getOffset();
		int end = node.getEndOffset();
		return issues.stream().filter(i -> i.getOffset() != null && i.getOffset() >= start && i.getOffset() < end)
				.toList();
	}

	public static String toJson(JsonObject object) {
		return GSON.toJson(object) + "\n";
	}
}
