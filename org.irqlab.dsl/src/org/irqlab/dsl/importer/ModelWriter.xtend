package org.irqlab.dsl.importer

import java.util.List
import org.irqlab.dsl.importer.ModelLine.Comment
import org.irqlab.dsl.importer.ModelLine.CpuList
import org.irqlab.dsl.importer.ModelLine.Cpus
import org.irqlab.dsl.importer.ModelLine.Crash
import org.irqlab.dsl.importer.ModelLine.First
import org.irqlab.dsl.importer.ModelLine.Irqbalance
import org.irqlab.dsl.importer.ModelLine.Kernel
import org.irqlab.dsl.importer.ModelLine.Load
import org.irqlab.dsl.importer.ModelLine.Node
import org.irqlab.dsl.importer.ModelLine.Nodes
import org.irqlab.dsl.importer.ModelLine.Smt
import org.irqlab.dsl.importer.ModelLine.Switch
import org.irqlab.dsl.importer.ModelLine.SystemVectors
import org.irqlab.dsl.model.Driver
import org.irqlab.dsl.model.NumberingKind

/**
 * Writes what an import read as a .irqlab model: the machine with its load, the devices already present
 * (as comments naming them as the kernel does), device types shaped like them, and an empty scenario.
 * What to write is decided by {@link ImportedMachine} and {@link ImportedDevices}; this template lays it
 * out with the grammar's own {@link Keywords}.
 *
 * <p>The devices present are part of the machine's load, not scenario events: their vectors are in the
 * counts the host shows, and adding them again would count them twice. `first virtio` and `first nvme`
 * make the scenario's devices take the names the kernel would give them next.
 */
class ModelWriter {

	/** The model's text, and what it had to assume in the order its comments say it. */
	static class Written {
		val String modelText
		val List<String> modelGuesses

		new(String text, List<String> guesses) {
			this.modelText = text
			this.modelGuesses = List.copyOf(guesses)
		}

		def String text() {
			modelText
		}

		def List<String> guesses() {
			modelGuesses
		}
	}

	val Keywords kw

	new(Keywords keywords) {
		this.kw = keywords
	}

	/** @throws InputError when the captured counts do not fit together */
	def static Written write(HostCapture host, String machineName) throws InputError {
		new ModelWriter(Keywords.standalone).written(host, machineName)
	}

	/** @throws InputError when the captured counts do not fit together */
	def Written written(HostCapture host, String machineName) throws InputError {
		val machine = ImportedMachine.of(host)
		val devices = ImportedDevices.of(host)
		val text = model(host, machineName, machine, devices).toString.replace('\r\n', '\n')
		new Written(text, (machine.guesses + devices.guesses).toList)
	}

	def private CharSequence model(HostCapture host, String name, ImportedMachine machine, ImportedDevices devices) '''
		// Imported by `irqlab import` from «host.origin».
		// The machine holds the host's state as captured: the vectors of every interrupt, including those of
		// the devices already present, are its load. Device types shaped like those devices follow, then an
		// empty scenario for what you plan to do. Lines starting with "guess:" are assumptions to check.
		«FOR file : host.unreadable»
			// not readable by this user, left out: «file»
		«ENDFOR»

		«kw.machine» «name» «kw.machineOpen»
		    «FOR line : machine.lines»
		    	«line.layout»
		    «ENDFOR»
		«kw.machineClose»

		«IF devices.present.empty»
			// No virtio or NVMe device was found among the host's interrupts.

		«ELSE»
			// Devices present on the host. Their vectors are in the machine's load already, so the scenario does
			// not add them again; new devices take the next names («kw.first» «NumberingKind.VIRTIO.literal» / «kw.first» «NumberingKind.NVME.literal» above).
			«FOR each : devices.present»
				//   «each»
			«ENDFOR»

		«ENDIF»
		«FOR type : devices.types»
			«type.shape»

		«ENDFOR»
		// What will you do to this host? Add events, for example
		//     «kw.add» 8 «kw.addTimes» «IF devices.types.empty»disk   (after writing a `«kw.device» disk «kw.deviceColon» «Driver.VIRTIO_BLK.literal» «kw.deviceOpen» ... «kw.deviceClose»`)«ELSE»«devices.types.head.name»«ENDIF»
		// then run `irqlab check` on this file. Empty, the scenario is the host as captured.
		«kw.scenario» plan «kw.scenarioOn» «name» «kw.scenarioOpen»
		«kw.scenarioClose»
	'''

	def private CharSequence shape(ImportedDevices.Shape it) '''
		// shaped like «exampleNames» («description»)
		«FOR example : degradedExamples»
			// «example.name» runs on «example.path.description»: the kernel could not give it per-queue vectors when it probed; a new device tries per-queue vectors first
		«ENDFOR»
		«FOR note : notes»
			// «note»
		«ENDFOR»
		«kw.device» «name» «kw.deviceColon» «driver.literal» «kw.deviceOpen»
		    «kw.queues» «queues»
		    «kw.numa» «IF numa === null»«kw.numaNone»«ELSE»«numa»«ENDIF»
		    «kw.intx» «IF intx === null»«kw.intxNone»«ELSE»«intx»«ENDIF»
		«kw.deviceClose»'''

	// ---------------------------------------------------------------- the machine's lines

	def private dispatch CharSequence layout(ModelLine it) {
		throw new IllegalArgumentException('no layout for ' + it)
	}

	def private dispatch CharSequence layout(Comment it) '''// «IF guess»guess: «ENDIF»«text»'''

	def private dispatch CharSequence layout(Kernel it) '''«kw.kernel» «kw.profile(profile)»'''

	def private dispatch CharSequence layout(Cpus it) '''«kw.cpus» «count»'''

	def private dispatch CharSequence layout(CpuList it) '''«kind.literal» «cpus»'''

	def private dispatch CharSequence layout(Nodes it) '''«kw.nodes» «count»'''

	def private dispatch CharSequence layout(Node it) '''«kw.node» «id» «kw.nodeCpus» «cpus»'''

	def private dispatch CharSequence layout(Smt it) '''«kw.smt» «threads»«IF adjacent» «kw.smtAdjacent»«ENDIF»'''

	def private dispatch CharSequence layout(SystemVectors it) '''«kw.system» «kw.vectors» «FOR v : vectors SEPARATOR kw.vectorsComma + ' '»«v»«ENDFOR»'''

	def private dispatch CharSequence layout(Load it) '''
		«kw.load»«IF cpus !== null» «kw.loadOn» «cpus»«ENDIF» «kw.loadOpen»
		    «FOR item : items»
		    	«item.kind.literal» «item.value»
		    «ENDFOR»
		«kw.loadClose»'''

	def private dispatch CharSequence layout(Crash it) '''
		«kw.crash» «kw.crashOpen»
		    «FOR counter : counters»
		    	«counter.kind.literal» «counter.value»
		    «ENDFOR»
		«kw.crashClose»'''

	def private dispatch CharSequence layout(Irqbalance it) '''«kw.irqbalance» «IF on»«kw.irqbalanceOn»«IF banned !== null» «kw.banned» «banned»«ENDIF»«ELSE»«kw.irqbalanceOff»«ENDIF»'''

	def private dispatch CharSequence layout(Switch it) '''«kind.literal» «IF on»«kw.switchOn»«ELSE»«kw.switchOff»«ENDIF»'''

	def private dispatch CharSequence layout(First it) '''«kw.first» «kind.literal» «value»'''
}
