package org.irqlab.dsl.verify;

import org.irqlab.kernel.MatrixCounters;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/** `irqlab verify --format json` (docs/verify.md): the guest, every step on both sides, every difference. */
public final class VerifyJson {

	/** Raised when the contract changes incompatibly. */
	public static final int FORMAT = 1;

	private VerifyJson() {
	}

	public static String toJson(String model, VerifyResult r) {
		JsonObject root = new JsonObject();
		root.addProperty("format", FORMAT);
		root.addProperty("model", model);
		root.addProperty("scenario", r.plan().scenario());
		root.addProperty("agree", r.agrees());
		JsonObject guest = new JsonObject();
		guest.addProperty("kernel", r.kernelRelease());
		guest.addProperty("origin", r.kernelOrigin());
		guest.addProperty("accel", r.accel());
		guest.addProperty("seconds", r.seconds());
		guest.addProperty("cpus", r.plan().cpus());
		guest.addProperty("nodes", r.plan().nodes());
		guest.addProperty("devices", r.plan().devices().size());
		guest.add("boot", counters(r.boot()));
		JsonArray load = new JsonArray();
		for (int each : r.bootCpuLoad()) {
			load.add(each);
		}
		guest.add("bootNonManagedPerCpu", load);
		root.add("guest", guest);
		JsonArray notes = new JsonArray();
		r.notes().forEach(notes::add);
		root.add("notes", notes);
		JsonArray steps = new JsonArray();
		for (VerifyResult.Step s : r.steps()) {
			JsonObject step = new JsonObject();
			step.addProperty("step", s.number());
			step.addProperty("line", s.step().line());
			step.addProperty("event", s.step().label());
			step.add("guest", counters(s.guest()));
			step.add("simulated", counters(s.simulated()));
			step.addProperty("device", s.device());
			step.addProperty("guestPath", s.guestPath());
			step.addProperty("simulatedPath", s.simulatedPath());
			steps.add(step);
		}
		root.add("steps", steps);
		root.addProperty("interruptsCompared", r.interruptsCompared());
		JsonArray together = new JsonArray();
		for (VerifyResult.Together t : r.together()) {
			JsonObject each = new JsonObject();
			each.addProperty("step", t.step());
			each.addProperty("count", t.count());
			each.addProperty("guestPerQueue", t.guestPerQueue());
			each.addProperty("fewest", t.fewest());
			each.addProperty("most", t.most());
			JsonObject paths = new JsonObject();
			t.guestPaths().forEach(paths::addProperty);
			each.add("guestPaths", paths);
			each.addProperty("agree", t.agrees());
			together.add(each);
		}
		root.add("probedTogether", together);
		JsonArray differences = new JsonArray();
		for (Difference d : r.differences()) {
			JsonObject difference = new JsonObject();
			difference.addProperty("step", d.step());
			difference.addProperty("where", d.where());
			difference.addProperty("subject", d.subject());
			difference.addProperty("property", d.property());
			difference.addProperty("guest", d.guest());
			difference.addProperty("simulated", d.simulated());
			differences.add(difference);
		}
		root.add("differences", differences);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
	}

	private static com.google.gson.JsonElement counters(MatrixCounters c) {
		if (c == null) {
			return JsonNull.INSTANCE;
		}
		JsonObject object = new JsonObject();
		object.addProperty("globalAvailable", c.globalAvailable());
		object.addProperty("globalReserved", c.globalReserved());
		object.addProperty("totalAllocated", c.totalAllocated());
		return object;
	}
}
