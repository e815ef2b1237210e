package org.irqlab.kernel;

/**
 * An inclusive range a value of the machine or of a device must lie in, stated once beside what it limits
 * ({@link MachineSpec#CPUS}, {@link DeviceSpec#QUEUES}, ...), so that the language's validator and the guard
 * in front of the simulator cannot disagree.
 *
 * @param what the value's name as a model writes it ("queues", "intx")
 */
public record Limit(String what, long min, long max) {

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    /** "queues 0 is outside 1-2048", or null when the value is within. */
    public String outside(long value) {
        return contains(value) ? null : what + " " + value + " is outside " + min + "-" + max;
    }
}
