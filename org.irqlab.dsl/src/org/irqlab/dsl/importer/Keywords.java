package org.irqlab.dsl.importer;

import org.eclipse.xtext.Keyword;
import org.irqlab.dsl.IrqLabStandaloneSetup;
import org.irqlab.dsl.services.IrqLabGrammarAccess;
import org.irqlab.dsl.simulation.MachineTranslator;
import org.irqlab.kernel.KernelRules;

/**
 * The grammar's keywords for the model an import writes, read from the generated grammar access: renaming a
 * keyword in IrqLab.xtext changes what ModelWriter writes, and removing one breaks its compilation. Enum
 * literals (load kinds, drivers, switches) come from the EMF enums' getLiteral().
 */
public final class Keywords {

	private static Keywords standalone;

	private final IrqLabGrammarAccess g;

	public Keywords(IrqLabGrammarAccess grammar) {
		this.g = grammar;
	}

	/** The keywords of the language as the standalone setup (command line, tests) injects it. */
	public static synchronized Keywords standalone() {
		if (standalone == null) {
			standalone = new Keywords(new IrqLabStandaloneSetup().createInjectorAndDoEMFRegistration()
					.getInstance(IrqLabGrammarAccess.class));
		}
		return standalone;
	}

	private static String v(Keyword keyword) {
		return keyword.getValue();
	}

	/** The `kernel` setting's text for the simulator's rules: the profile name, or the release as written. */
	public String profile(KernelRules rules) {
		String text = rules.id();
		// profile names and bare versions read as they are; a `uname -r` is quoted, whatever characters it has
		boolean bare = KernelRules.values().contains(rules) || text.matches("\\d+\\.\\d+(\\.\\d+)?");
		return bare ? text : '"' + text.replace("\"", "").replace("\\", "") + '"';
	}

	// ---------------------------------------------------------------- machine

	public String machine() {
		return v(g.getMachineAccess().getMachineKeyword_0());
	}

	public String machineOpen() {
		return v(g.getMachineAccess().getLeftCurlyBracketKeyword_2());
	}

	public String machineClose() {
		return v(g.getMachineAccess().getRightCurlyBracketKeyword_4());
	}

	public String kernel() {
		return v(g.getKernelSettingAccess().getKernelKeyword_0());
	}

	public String cpus() {
		return v(g.getCpusSettingAccess().getCpusKeyword_0());
	}

	public String nodes() {
		return v(g.getNodesSettingAccess().getNodesKeyword_0());
	}

	public String node() {
		return v(g.getNodeSettingAccess().getNodeKeyword_0());
	}

	public String nodeCpus() {
		return v(g.getNodeSettingAccess().getCpusKeyword_2());
	}

	public String smt() {
		return v(g.getSmtSettingAccess().getSmtKeyword_0());
	}

	public String smtAdjacent() {
		return v(g.getSmtSettingAccess().getAdjacentAdjacentKeyword_2_0());
	}

	public String system() {
		return v(g.getSystemVectorsSettingAccess().getSystemKeyword_0());
	}

	public String vectors() {
		return v(g.getSystemVectorsSettingAccess().getVectorsKeyword_1());
	}

	public String vectorsComma() {
		return v(g.getSystemVectorsSettingAccess().getCommaKeyword_3_0());
	}

	public String load() {
		return v(g.getLoadSettingAccess().getLoadKeyword_0());
	}

	public String loadOn() {
		return v(g.getLoadSettingAccess().getOnKeyword_1_0());
	}

	public String loadOpen() {
		return v(g.getLoadSettingAccess().getLeftCurlyBracketKeyword_2());
	}

	public String loadClose() {
		return v(g.getLoadSettingAccess().getRightCurlyBracketKeyword_4());
	}

	public String crash() {
		return v(g.getCrashCountersSettingAccess().getCrashKeyword_0());
	}

	public String crashOpen() {
		return v(g.getCrashCountersSettingAccess().getLeftCurlyBracketKeyword_1());
	}

	public String crashClose() {
		return v(g.getCrashCountersSettingAccess().getRightCurlyBracketKeyword_3());
	}

	public String irqbalance() {
		return v(g.getIrqbalanceSettingAccess().getIrqbalanceKeyword_1());
	}

	public String irqbalanceOn() {
		return v(g.getIrqbalanceSettingAccess().getEnabledOnKeyword_2_0_0());
	}

	public String irqbalanceOff() {
		return v(g.getIrqbalanceSettingAccess().getOffKeyword_2_1());
	}

	public String banned() {
		return v(g.getIrqbalanceSettingAccess().getBannedKeyword_3_0());
	}

	public String powersave() {
		return v(g.getIrqbalanceSettingAccess().getPowersavePowersaveKeyword_4_0());
	}

	public String switchOn() {
		return v(g.getSwitchSettingAccess().getEnabledOnKeyword_1_0_0());
	}

	public String switchOff() {
		return v(g.getSwitchSettingAccess().getOffKeyword_1_1());
	}

	public String first() {
		return v(g.getFirstNumberSettingAccess().getFirstKeyword_0());
	}

	// ---------------------------------------------------------------- device types

	public String device() {
		return v(g.getDeviceTypeAccess().getDeviceKeyword_0());
	}

	public String deviceColon() {
		return v(g.getDeviceTypeAccess().getColonKeyword_2());
	}

	public String deviceOpen() {
		return v(g.getDeviceTypeAccess().getLeftCurlyBracketKeyword_4());
	}

	public String deviceClose() {
		return v(g.getDeviceTypeAccess().getRightCurlyBracketKeyword_6());
	}

	public String queues() {
		return v(g.getQueuesSettingAccess().getQueuesKeyword_0());
	}

	public String numa() {
		return v(g.getDeviceNodeSettingAccess().getNumaKeyword_0());
	}

	public String numaNone() {
		return v(g.getDeviceNodeSettingAccess().getNoneNoneKeyword_1_0_0());
	}

	public String intx() {
		return v(g.getIntxSettingAccess().getIntxKeyword_0());
	}

	public String intxNone() {
		return v(g.getIntxSettingAccess().getNoneNoneKeyword_1_0_0());
	}

	// ---------------------------------------------------------------- scenarios

	public String scenario() {
		return v(g.getScenarioAccess().getScenarioKeyword_0());
	}

	public String scenarioOn() {
		return v(g.getScenarioAccess().getOnKeyword_2());
	}

	public String scenarioOpen() {
		return v(g.getScenarioAccess().getLeftCurlyBracketKeyword_4());
	}

	public String scenarioClose() {
		return v(g.getScenarioAccess().getRightCurlyBracketKeyword_6());
	}

	public String add() {
		return v(g.getAddEventAccess().getAddKeyword_0());
	}

	public String addTimes() {
		return v(g.getAddEventAccess().getXKeyword_1_0_1());
	}
}
