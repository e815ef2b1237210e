package org.irqlab.dsl.tests.robustness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random models that are valid by construction: machines of 1 to 8192 CPUs on every kernel, every driver
 * with every setting it accepts, and every kind of event. Where {@link Mutator} starts from the examples
 * and breaks them, this reaches corners no example has (nvme write queues beyond the CPU count was one).
 */
final class ValidModels {

	private static final String[] KERNELS = { "el8-4.18", "6.1", "6.12" };
	private static final String[] DRIVERS = { "virtio_blk", "virtio_net", "nvme", "msix" };

	private final Random random;

	ValidModels(long seed) {
		this.random = new Random(seed);
	}

	/** One model: a machine, one to three device types, and a scenario that uses them. */
	String next() {
		int cpus = cpuCount();
		int nodes = pick(1, 2, 4);
		while (nodes > cpus) {
			nodes /= 2;
		}
		StringBuilder model = new StringBuilder();
		machine(model, cpus, nodes);
		int types = 1 + random.nextInt(3);
		List<String> names = new ArrayList<>();
		for (int t = 0; t < types; t++) {
			names.add("type" + t);
			deviceType(model, "type" + t, nodes);
		}
		scenario(model, cpus, names);
		return model.toString();
	}

	/** Spread over the orders of magnitude: as many 2-CPU guests as 4096-CPU hosts. */
	private int cpuCount() {
		int bits = random.nextInt(14); // 1 .. 8192
		int low = 1 << bits;
		return Math.min(8192, low + random.nextInt(low));
	}

	private void machine(StringBuilder model, int cpus, int nodes) {
		model.append("machine m {\n  kernel ").append(KERNELS[random.nextInt(KERNELS.length)]).append('\n');
		model.append("  cpus ").append(cpus).append('\n');
		if (nodes > 1 || random.nextBoolean()) {
			model.append("  nodes ").append(nodes).append('\n');
		}
		int smt = pick(1, 2, 4);
		if (cpus % smt == 0 && random.nextBoolean()) {
			model.append("  smt ").append(smt).append(random.nextBoolean() ? " adjacent" : "").append('\n');
		}
		if (random.nextInt(3) == 0) {
			model.append("  load { placed ").append(random.nextInt(Math.min(60, 6 * cpus) + 1)).append(" reserved ")
					.append(random.nextInt(Math.min(40, 4 * cpus) + 1)).append(" }\n");
		} else if (random.nextInt(3) == 0) {
			model.append("  load on 0-").append(cpus - 1).append(" { allocated ").append(random.nextInt(20))
					.append(" managed ").append(random.nextInt(10)).append(" }\n");
		}
		if (random.nextInt(4) == 0) {
			model.append("  intx lines 10, 11\n");
		}
		if (random.nextInt(4) == 0) {
			model.append("  msi_reservation ").append(random.nextBoolean() ? "on" : "off").append('\n');
		}
		if (random.nextInt(4) == 0) {
			model.append("  interrupt_remapping ").append(random.nextBoolean() ? "on" : "off").append('\n');
		}
		if (random.nextInt(4) == 0) {
			model.append("  first virtio ").append(random.nextInt(100)).append('\n');
		}
		if (random.nextInt(3) == 0) {
			model.append("  irqbalance on");
			if (cpus > 2 && random.nextBoolean()) {
				model.append(" banned ").append(1 + random.nextInt(cpus - 1));
			}
			model.append(random.nextBoolean() ? " powersave" : "").append('\n');
		}
		model.append("}\n");
	}

	private void deviceType(StringBuilder model, String name, int nodes) {
		String driver = DRIVERS[random.nextInt(DRIVERS.length)];
		int queues = 1 + random.nextInt(driver.equals("nvme") || driver.equals("msix") ? 32 : 16);
		model.append("device ").append(name).append(" : ").append(driver).append(" {\n  queues ").append(queues)
				.append('\n');
		if (random.nextInt(3) == 0) {
			model.append("  numa ").append(random.nextBoolean() ? "none" : String.valueOf(random.nextInt(nodes)))
					.append('\n');
		}
		if (random.nextInt(3) == 0) {
			model.append("  intx ").append(random.nextBoolean() ? "none" : String.valueOf(pick(10, 11))).append('\n');
		}
		switch (driver) {
			case "virtio_blk" -> {
				if (random.nextInt(3) == 0) {
					model.append("  num_request_queues ").append(1 + random.nextInt(queues)).append('\n');
				}
				if (queues > 1 && random.nextInt(3) == 0) {
					model.append("  poll_queues ").append(random.nextInt(queues)).append('\n');
				}
				if (random.nextInt(4) == 0) {
					model.append("  managed ").append(random.nextBoolean()).append('\n');
				}
			}
			case "nvme" -> {
				if (random.nextInt(2) == 0) {
					model.append("  write_queues ").append(random.nextInt(9)).append('\n');
				}
				if (queues > 1 && random.nextInt(3) == 0) {
					model.append("  poll_queues ").append(random.nextInt(queues)).append('\n');
				}
			}
			case "msix" -> {
				model.append("  managed ").append(random.nextBoolean()).append('\n');
				if (random.nextInt(3) == 0) {
					model.append("  pre_vectors ").append(random.nextInt(3)).append('\n');
				}
				if (random.nextInt(3) == 0) {
					model.append("  post_vectors ").append(random.nextInt(2)).append('\n');
				}
				if (random.nextInt(3) == 0) {
					model.append("  min_vectors ").append(1 + random.nextInt(queues)).append('\n');
				}
			}
			default -> {
				// virtio_net: queue pairs, nothing else to set
			}
		}
		model.append("}\n");
	}

	private void scenario(StringBuilder model, int cpus, List<String> types) {
		model.append("scenario s on m {\n");
		int events = 1 + random.nextInt(6);
		int named = 0;
		for (int e = 0; e < events; e++) {
			String type = types.get(random.nextInt(types.size()));
			switch (random.nextInt(7)) {
				case 0, 1 -> model.append("  add ").append(1 + random.nextInt(20)).append(" x ").append(type).append('\n');
				case 2 -> {
					String device = "dev" + named++;
					model.append("  add ").append(type).append(" as ").append(device).append('\n');
					model.append("  unbind ").append(device).append('\n');
					model.append("  bind ").append(device).append('\n');
					if (random.nextBoolean()) {
						model.append("  remove ").append(device).append('\n');
					}
				}
				case 3 -> model.append("  remove ").append(1 + random.nextInt(5)).append(" x ").append(type).append('\n');
				case 4 -> {
					if (cpus > 1) {
						String list = cpuRange(cpus);
						model.append("  offline ").append(list).append('\n');
						if (random.nextBoolean()) {
							model.append("  online ").append(list).append('\n');
						}
					}
				}
				case 5 -> model.append("  balance").append(random.nextBoolean() ? "" : " 2 x").append('\n');
				default -> model.append("  repeat ").append(2 + random.nextInt(3)).append(" { add ")
						.append(1 + random.nextInt(4)).append(" x ").append(type).append(" }\n");
			}
		}
		model.append("}\n");
	}

	/** A few CPUs other than 0 (CPU 0 cannot go offline), as a cpulist. */
	private String cpuRange(int cpus) {
		int first = 1 + random.nextInt(cpus - 1);
		int last = Math.min(cpus - 1, first + random.nextInt(8));
		return first == last ? String.valueOf(first) : first + "-" + last;
	}

	private int pick(int... values) {
		return values[random.nextInt(values.length)];
	}
}
