package org.irqlab.dsl.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.validation.IssueCodes;
import org.irqlab.dsl.validation.IssueFixes;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * `irqlab check --format sarif`: the diagnostics as one SARIF 2.1.0 log, for code scanning (GitHub)
 * and other SARIF viewers. One rule per issue code, with the help of the issue-code table of
 * docs/cli.md; one result per diagnostic, at its file, line and column, with the validator's message;
 * the editor's quick fixes as SARIF fixes when the injector computes them (the standalone jar's does).
 */
final class SarifLog {

	static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

	/** A rule: its id (the issue code without the package), default level, short and full help. */
	record Rule(String id, String code, String level, String shortText, String help) {
	}

	private static final String P = "org.irqlab.dsl.";

	/** In the order of docs/cli.md's issue-code table; the test holds the two together. */
	static final List<Rule> RULES = List.of(
			rule(IssueCodes.DEVICE_PROBE_FAILS, "error", "Devices of an `add` fail to probe",
					"The simulated kernel refuses these devices: the vector matrix has no room for even the INTx or shared"
							+ " MSI-X fallback, and the probe returns an errno (-16 is -EBUSY, -28 -ENOSPC). Add fewer devices,"
							+ " make their queue vectors non-managed, cap their queues, or see `irqlab report` for the proposed"
							+ " driver fixes."),
			rule(IssueCodes.ASYNC_PROBE_RANGE, "warning", "How many NVMe controllers get per-queue vectors varies from boot to boot",
					"NVMe probes asynchronously: each controller holds its admin vector until it sets up its I/O queues,"
							+ " so how many controllers of a large `add` find room for per-queue vectors depends on the order"
							+ " their probes run in. The message gives the best and the worst case."),
			rule(IssueCodes.FALLBACK_SHARED_MSIX, "warning", "Devices fall back to one shared MSI-X vector",
					"Some CPU had no room for the per-queue vectors, so the driver took one vector for all queues:"
							+ " the device works, with all its interrupts on one CPU (virtio: DEV-virtqueues beside the"
							+ " config vector; nvme: nvmeNq0 for the admin queue and a single I/O queue)."),
			rule(IssueCodes.FALLBACK_INTX, "warning", "Devices fall back to legacy INTx",
					"Neither per-queue nor shared MSI-X vectors fitted, so the device uses its legacy INTx line, shared"
							+ " with other devices and slow."),
			rule(IssueCodes.AFFINITY_BROKEN, "warning", "Vectors were placed outside the affinity asked for",
					"The kernel found no room on the CPUs of the affinity mask and placed the vector on another CPU."),
			rule(IssueCodes.CPU_OFFLINE_REFUSED, "warning", "The kernel refuses to take a CPU offline (or online)",
					"The vectors of the leaving CPU do not fit on the CPUs that stay (lapic_can_unplug_cpu): the"
							+ " offline fails with -ENOSPC. Keep the CPU online, or ban it from irqbalance first."),
			rule(IssueCodes.CPU_HOTPLUG_DONE, "note", "What a CPU hotplug did",
					"Interrupts the kernel moved, managed interrupts it shut down or restarted."),
			rule(IssueCodes.HEADROOM, "note", "How many more devices of each type fit at the end",
					"The simulation's headroom at the end of the scenario, per device type."),
			rule(IssueCodes.SIMULATION_TOO_LARGE, "error", "The scenario is larger than IrqLab simulates while you edit",
					"Split the scenario, or on the command line raise the bound with --budget."),
			rule(IssueCodes.SIMULATION_REFUSED, "error", "The scenario is not simulated until the model is fixed",
					"The model holds a value no kernel accepts, or a machine the kernel would not boot; that setting has"
							+ " its own error."),
			rule(IssueCodes.SIMULATION_FAILED, "error", "IrqLab's simulator failed",
					"A bug in IrqLab: please report it with the model."),
			rule(IssueCodes.MACHINE_WITHOUT_CPUS, "error", "A machine without `cpus`", "Say how many CPUs the machine has."),
			rule(IssueCodes.DUPLICATE_SETTING, "error", "A setting written twice", "Keep one of them."),
			rule(IssueCodes.CPU_OUT_OF_RANGE, "error", "A CPU beyond the machine", "CPUs are numbered from 0 to `cpus` - 1."),
			rule(IssueCodes.MALFORMED_CPU_LIST, "error", "A CPU list the kernel would not parse",
					"Write it as the kernel's cpulist syntax, like 0-39,80-119."),
			rule(IssueCodes.NODES_OVERLAP, "error", "NUMA nodes that share CPUs", "A CPU belongs to one node."),
			rule(IssueCodes.CPUS_WITHOUT_NODE, "error", "CPUs in no NUMA node", "Every CPU belongs to a node."),
			rule(IssueCodes.VALUE_OUT_OF_RANGE, "error", "A number outside what the kernel or driver accepts",
					"The message names the range."),
			rule(IssueCodes.SETTING_NOT_FOR_DRIVER, "error", "A setting the device's driver does not have",
					"Driver parameters and vector settings belong to particular drivers."),
			rule(IssueCodes.LOAD_SCOPE_MISMATCH, "error", "A `load` item in the wrong kind of block",
					"An item counted for the whole machine belongs in `load { }`, a per-CPU item in `load on CPUS { }`."),
			rule(IssueCodes.REPEAT_NESTED_TOO_DEEP, "error", "`repeat` blocks nested too deep",
					"Repeat blocks nest at most 100 deep; the body of a deeper one is not read. Flatten the nesting:"
							+ " `repeat N` multiplies, so two levels usually say what ten did."),
			rule(IssueCodes.DOCUMENT_NOT_CHECKED, "error", "The language server could not check this document",
					"A bug in IrqLab: please report it with the model. The other documents are still checked."),
			rule(IssueCodes.IMPORT_NAMES_NOTHING, "warning", "An import that brings in nothing",
					"No file checked together declares that package or name: give the file that declares it on the same"
							+ " command line, or correct the name."),
			rule(IssueCodes.CRASH_COUNTER_MISSING, "error", "A crash dump's counters lack one the simulation needs",
					"Copy global_available and total_allocated from `crash> p *vector_matrix`."),
			rule(IssueCodes.UNKNOWN_KERNEL, "error", "A kernel IrqLab does not read or model",
					"Write what `uname -r` prints (quoted if it has other characters), an upstream version like 5.10, or"
							+ " el8-4.18; IrqLab models kernels from 4.15 on."),
			rule(IssueCodes.KERNEL_RULE_NOT_MODELLED, "warning", "A kernel rule IrqLab does not model for this machine",
					"The message names the rule (docs/kernels.md) and what IrqLab computes instead; check the result on"
							+ " the real kernel with `irqlab verify`."),
			new Rule("syntaxError", Diagnostic.SYNTAX_DIAGNOSTIC, "error", "A syntax error",
					"The text is not IrqLab as the grammar reads it (docs/language.md); nothing else is checked until it is fixed."),
			new Rule("unresolvedReference", Diagnostic.LINKING_DIAGNOSTIC, "error", "A name that refers to nothing",
					"No machine or device type of that name is in the files checked together (see `import` and `package`)."),
			new Rule("other", null, "warning", "Another finding", "A check without an issue code of its own."));

	private static Rule rule(String code, String level, String shortText, String help) {
		return new Rule(code.substring(P.length()), code, level, shortText, help);
	}

	private final IssueFixes fixes;
	private final JsonArray results = new JsonArray();

	SarifLog(IssueFixes fixes) {
		this.fixes = fixes;
	}

	/** Adds a file's diagnostics, in reading order. */
	void add(Path file, XtextResource resource, List<Issue> issues) {
		for (Issue issue : issues) {
			results.add(result(file, resource, issue));
		}
	}

	/** A file that could not be read: a result without region. */
	void unreadable(Path file, String reason) {
		JsonObject result = new JsonObject();
		result.addProperty("ruleId", "other");
		result.addProperty("ruleIndex", RULES.size() - 1);
		result.addProperty("level", "error");
		result.add("message", text("cannot read: " + reason));
		JsonArray locations = new JsonArray();
		JsonObject location = new JsonObject();
		JsonObject physical = new JsonObject();
		physical.add("artifactLocation", artifact(file));
		location.add("physicalLocation", physical);
		locations.add(location);
		result.add("locations", locations);
		results.add(result);
	}

	/** @param workingDirectory the folder relative file names are relative to: the log's SRCROOT */
	JsonObject toJson(Path workingDirectory, String version) {
		JsonObject driver = new JsonObject();
		driver.addProperty("name", "irqlab");
		driver.addProperty("semanticVersion", version.replace("-SNAPSHOT", ""));
		driver.addProperty("version", version);
		JsonArray rules = new JsonArray();
		for (Rule rule : RULES) {
			JsonObject descriptor = new JsonObject();
			descriptor.addProperty("id", rule.id());
			descriptor.addProperty("name", Character.toUpperCase(rule.id().charAt(0)) + rule.id().substring(1));
			descriptor.add("shortDescription", text(rule.shortText()));
			descriptor.add("fullDescription", text(rule.shortText() + ". " + rule.help()));
			descriptor.add("help", text(rule.help() + (rule.code() == null ? "" : " Issue code: " + rule.code() + ".")));
			JsonObject configuration = new JsonObject();
			configuration.addProperty("level", rule.level());
			descriptor.add("defaultConfiguration", configuration);
			rules.add(descriptor);
		}
		driver.add("rules", rules);
		JsonObject tool = new JsonObject();
		tool.add("driver", driver);

		JsonObject run = new JsonObject();
		run.add("tool", tool);
		JsonObject base = new JsonObject();
		JsonObject root = new JsonObject();
		root.addProperty("uri", workingDirectory.toUri().toString());
		base.add("SRCROOT", root);
		run.add("originalUriBaseIds", base);
		run.addProperty("columnKind", "utf16CodeUnits");
		run.add("results", results);
		JsonArray runs = new JsonArray();
		runs.add(run);

		JsonObject log = new JsonObject();
		log.addProperty("$schema", SCHEMA);
		log.addProperty("version", "2.1.0");
		log.add("runs", runs);
		return log;
	}

	private JsonObject result(Path file, XtextResource resource, Issue issue) {
		int index = ruleIndex(issue);
		Rule rule = RULES.get(index);
		JsonObject result = new JsonObject();
		result.addProperty("ruleId", rule.id());
		result.addProperty("ruleIndex", index);
		result.addProperty("level", level(issue.getSeverity()));
		result.add("message", text(issue.getMessage() == null ? rule.shortText() : issue.getMessage()));
		JsonObject physical = new JsonObject();
		physical.add("artifactLocation", artifact(file));
		physical.add("region", region(issue));
		JsonObject location = new JsonObject();
		location.add("physicalLocation", physical);
		JsonArray locations = new JsonArray();
		locations.add(location);
		result.add("locations", locations);
		List<IssueFixes.Fix> proposed = resource == null ? List.of() : safeFixes(resource, issue);
		if (!proposed.isEmpty()) {
			JsonArray array = new JsonArray();
			for (IssueFixes.Fix fix : proposed) {
				JsonObject sarifFix = new JsonObject();
				sarifFix.add("description", text(fix.label()));
				JsonObject change = new JsonObject();
				change.add("artifactLocation", artifact(file));
				JsonArray replacements = new JsonArray();
				for (IssueFixes.Edit edit : fix.edits()) {
					JsonObject replacement = new JsonObject();
					JsonObject deleted = new JsonObject();
					deleted.addProperty("charOffset", edit.offset());
					deleted.addProperty("charLength", edit.length());
					replacement.add("deletedRegion", deleted);
					if (!edit.text().isEmpty()) {
						JsonObject inserted = new JsonObject();
						inserted.addProperty("text", edit.text());
						replacement.add("insertedContent", inserted);
					}
					replacements.add(replacement);
				}
				change.add("replacements", replacements);
				JsonArray changes = new JsonArray();
				changes.add(change);
				sarifFix.add("artifactChanges", changes);
				array.add(sarifFix);
			}
			result.add("fixes", array);
		}
		return result;
	}

	// A fix that cannot be computed must not cost the diagnostics: they are what CI needs.
	private List<IssueFixes.Fix> safeFixes(XtextResource resource, Issue issue) {
		try {
			return fixes.fixes(resource, issue);
		} catch (RuntimeException e) {
			return List.of();
		}
	}

	private static JsonObject region(Issue issue) {
		JsonObject region = new JsonObject();
		int line = issue.getLineNumber() == null || issue.getLineNumber() < 1 ? 1 : issue.getLineNumber();
		int column = issue.getColumn() == null || issue.getColumn() < 1 ? 1 : issue.getColumn();
		region.addProperty("startLine", line);
		region.addProperty("startColumn", column);
		Integer endLine = issue.getLineNumberEnd();
		Integer endColumn = issue.getColumnEnd();
		if (endLine != null && endColumn != null && (endLine > line || (endLine == line && endColumn > column))) {
			region.addProperty("endLine", endLine);
			region.addProperty("endColumn", endColumn);
		}
		if (issue.getOffset() != null && issue.getOffset() >= 0 && issue.getLength() != null && issue.getLength() >= 0) {
			region.addProperty("charOffset", issue.getOffset());
			region.addProperty("charLength", issue.getLength());
		}
		return region;
	}

	/** Relative paths against SRCROOT (the working directory), as code scanning expects; absolute ones as file URIs. */
	private static JsonObject artifact(Path file) {
		JsonObject location = new JsonObject();
		if (file.isAbsolute()) {
			location.addProperty("uri", file.normalize().toUri().toString());
		} else {
			StringBuilder uri = new StringBuilder();
			for (Path segment : file.normalize()) {
				if (uri.length() > 0) {
					uri.append('/');
				}
				uri.append(encode(segment.toString()));
			}
			location.addProperty("uri", uri.toString());
			location.addProperty("uriBaseId", "SRCROOT");
		}
		return location;
	}

	private static String encode(String segment) {
		try {
			return new URI(null, null, segment, null).getRawPath().replace(":", "%3A");
		} catch (java.net.URISyntaxException e) {
			return segment;
		}
	}

	private static int ruleIndex(Issue issue) {
		String code = issue.getCode();
		if (issue.isSyntaxError()) {
			return indexOf("syntaxError");
		}
		for (int i = 0; i < RULES.size(); i++) {
			if (RULES.get(i).code() != null && RULES.get(i).code().equals(code)) {
				return i;
			}
		}
		return indexOf("other");
	}

	private static int indexOf(String id) {
		for (int i = 0; i < RULES.size(); i++) {
			if (RULES.get(i).id().equals(id)) {
				return i;
			}
		}
		throw new IllegalStateException(id);
	}

	private static String level(Severity severity) {
		return switch (severity) {
			case ERROR -> "error";
			case WARNING -> "warning";
			case INFO, IGNORE -> "note";
		};
	}

	private static JsonObject text(String text) {
		JsonObject message = new JsonObject();
		message.addProperty("text", text);
		return message;
	}
}
