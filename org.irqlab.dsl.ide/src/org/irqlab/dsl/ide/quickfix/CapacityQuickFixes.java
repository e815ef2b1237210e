package org.irqlab.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.irqlab.kernel.CpuSet;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.Bool;
import org.irqlab.dsl.model.CpuAction;
import org.irqlab.dsl.model.CpuEvent;
import org.irqlab.dsl.model.DeviceSetting;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Driver;
import org.irqlab.dsl.model.DriverParameter;
import org.irqlab.dsl.model.DriverParameterKind;
import org.irqlab.dsl.model.IrqbalanceSetting;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.MachineSetting;
import org.irqlab.dsl.model.ManagedSetting;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.model.QueuesSetting;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.MachineTranslator;
import org.irqlab.dsl.validation.IssueCodes;

import com.google.inject.Inject;

/**
 * The fixes for the capacity checks' issues, computed from the issue's code and data and the model
 * around the issue's offset. The Eclipse editor (quick assist and marker resolutions) and the
 * language server (code actions) both ask this class, so they always offer the same fixes.
 */
public class CapacityQuickFixes {

	@Inject
	private EObjectAtOffsetHelper offsets;

	@Inject
	private FixEffects effects;

	public boolean hasFixesFor(String code) {
		return IssueCodes.DEVICE_PROBE_FAILS.equals(code) || IssueCodes.FALLBACK_SHARED_MSIX.equals(code)
				|| IssueCodes.FALLBACK_INTX.equals(code) || IssueCodes.CPU_OFFLINE_REFUSED.equals(code);
	}

	/**
	 * @param resource the model as parsed from the text the edits apply to
	 * @param offset   where the issue starts in that text
	 */
	public List<QuickFix> fixes(XtextResource resource, String code, String[] data, int offset) {
		if (!hasFixesFor(code) || resource.getParseResult() == null) {
			return List.of();
		}
		String text = resource.getParseResult().getRootNode().getText();
		EObject element = offsets.resolveContainedElementAt(resource, offset);
		if (element == null) {
			return List.of();
		}
		if (IssueCodes.CPU_OFFLINE_REFUSED.equals(code)) {
			CpuEvent event = EcoreUtil2.getContainerOfType(element, CpuEvent.class);
			return event == null ? List.of() : cpuFixes(text, event, Integer.parseInt(data[0]));
		}
		AddEvent add = EcoreUtil2.getContainerOfType(element, AddEvent.class);
		if (add == null || add.getType() == null || add.getType().eIsProxy()) {
			return List.of();
		}
		int firstAffected = data.length > 1 ? Integer.parseInt(data[1]) : 0;
		return helpful(resource, add, deviceFixes(text, add, code, firstAffected));
	}

	/**
	 * The candidates that make the add end better once simulated (fewer devices fail, or more keep per-queue
	 * vectors), each labelled with what it gives; all of them, unlabelled, when the model is not simulated.
	 */
	private List<QuickFix> helpful(XtextResource resource, AddEvent add, List<QuickFix> candidates) {
		FixEffects.Effect before = effects.now(add);
		if (before == null) {
			return candidates;
		}
		List<QuickFix> helpful = new ArrayList<>();
		for (QuickFix fix : candidates) {
			FixEffects.Effect after = effects.after(resource, add, fix);
			if (after != null && after.better(before)) {
				helpful.add(new QuickFix(fix.label() + ": " + after.describe(), fix.edits()));
			}
		}
		return helpful;
	}

	private List<QuickFix> deviceFixes(String text, AddEvent add, String code, int firstAffected) {
		List<QuickFix> fixes = new ArrayList<>();
		DeviceType type = add.getType();
		String name = type.getName();
		// virtio_net's queue vectors are never managed, so the setting would change nothing.
		if (type.getDriver() != Driver.VIRTIO_NET) {
			ManagedSetting managed = setting(type, ManagedSetting.class);
			if (managed == null) {
				fixes.add(new QuickFix("Make " + name + "'s queue vectors non-managed (managed false)",
						List.of(insertSetting(text, type, "managed false"))));
			} else if (managed.getValue() == Bool.TRUE) {
				fixes.add(new QuickFix("Make " + name + "'s queue vectors non-managed (managed false)",
						List.of(replace(NodeModelUtils.findActualNodeFor(managed), "managed false"))));
			}
		}
		if (type.getDriver() == Driver.VIRTIO_BLK && queues(type) > 1 && driverHasNumRequestQueues(add)) {
			DriverParameter cap = requestQueueCap(type);
			String label = "Cap " + name + " at 1 request queue (num_request_queues 1)";
			if (cap == null) {
				fixes.add(new QuickFix(label, List.of(insertSetting(text, type, "num_request_queues 1"))));
			} else if (cap.getValue() > 1) {
				fixes.add(new QuickFix(label, List.of(replace(featureNode(cap, Literals.DRIVER_PARAMETER__VALUE), "1"))));
			}
		}
		int fits = firstAffected - 1;
		INode countNode = featureNode(add, Literals.ADD_EVENT__COUNT);
		if (countNode != null && fits >= 1 && fits < add.getCount()) {
			String what = IssueCodes.DEVICE_PROBE_FAILS.equals(code) ? "probe" : "keep per-queue vectors";
			fixes.add(new QuickFix("Add only " + fits + " x " + name + " (the most that " + what + ")",
					List.of(replace(countNode, String.valueOf(fits)))));
		}
		return fixes;
	}

	/** virtio_blk has num_request_queues from v5.16 (BLK-1): no such fix for a kernel whose driver lacks it. */
	private static boolean driverHasNumRequestQueues(AddEvent add) {
		Scenario scenario = EcoreUtil2.getContainerOfType(add, Scenario.class);
		Machine machine = scenario == null ? null : scenario.getMachine();
		return machine == null || machine.eIsProxy() || MachineTranslator.profileOf(machine).virtioBlkHasNumRequestQueues();
	}

	private List<QuickFix> cpuFixes(String text, CpuEvent event, int cpu) {
		List<QuickFix> fixes = new ArrayList<>();
		if (event.getAction() == CpuAction.OFFLINE) {
			CpuSet rest = CpuSet.parse(event.getCpus()).andNot(CpuSet.of(cpu));
			if (rest.isEmpty()) {
				INode node = NodeModelUtils.findActualNodeFor(event);
				fixes.add(new QuickFix("Keep CPU " + cpu + " online (remove this event)", List.of(deleteLines(text, node))));
			} else {
				fixes.add(new QuickFix("Keep CPU " + cpu + " online (offline " + rest.toList() + " only)",
						List.of(replace(featureNode(event, Literals.CPU_EVENT__CPUS), rest.toList()))));
			}
		}
		Scenario scenario = EcoreUtil2.getContainerOfType(event, Scenario.class);
		Machine machine = scenario == null ? null : scenario.getMachine();
		if (machine == null || machine.eIsProxy()) {
			return fixes;
		}
		IrqbalanceSetting irqbalance = null;
		for (MachineSetting each : machine.getSettings()) {
			if (each instanceof IrqbalanceSetting setting) {
				irqbalance = setting;
			}
		}
		if (irqbalance == null) {
			fixes.add(new QuickFix("Ban CPU " + cpu + " from irqbalance (irqbalance on banned " + cpu + ")",
					List.of(insertSetting(text, machine, "irqbalance on banned " + cpu))));
			return fixes;
		}
		CpuSet banned = irqbalance.getBanned() == null ? CpuSet.empty() : CpuSet.parse(irqbalance.getBanned());
		if (banned.contains(cpu)) {
			CpuSet rest = banned.andNot(CpuSet.of(cpu));
			INode list = featureNode(irqbalance, Literals.IRQBALANCE_SETTING__BANNED);
			TextEdit edit = rest.isEmpty() ? deleteFrom(keywordBefore(list, "banned"), list) : replace(list, rest.toList());
			fixes.add(new QuickFix("Unban CPU " + cpu + " from irqbalance", List.of(edit)));
		} else if (irqbalance.getBanned() == null) {
			INode onOff = lastKeyword(NodeModelUtils.findActualNodeFor(irqbalance), "on", "off");
			fixes.add(new QuickFix("Ban CPU " + cpu + " from irqbalance (banned " + cpu + ")",
					List.of(new TextEdit(onOff.getEndOffset(), 0, " banned " + cpu))));
		} else {
			fixes.add(new QuickFix("Ban CPU " + cpu + " from irqbalance (banned " + banned.or(CpuSet.of(cpu)).toList() + ")",
					List.of(replace(featureNode(irqbalance, Literals.IRQBALANCE_SETTING__BANNED),
							banned.or(CpuSet.of(cpu)).toList()))));
		}
		return fixes;
	}

	private static <T extends DeviceSetting> T setting(DeviceType type, Class<T> kind) {
		for (DeviceSetting each : type.getSettings()) {
			if (kind.isInstance(each)) {
				return kind.cast(each);
			}
		}
		return null;
	}

	private static int queues(DeviceType type) {
		QueuesSetting queues = setting(type, QueuesSetting.class);
		return queues == null ? 1 : queues.getCount();
	}

	private static DriverParameter requestQueueCap(DeviceType type) {
		for (DeviceSetting each : type.getSettings()) {
			if (each instanceof DriverParameter parameter && parameter.getKind() == DriverParameterKind.NUM_REQUEST_QUEUES) {
				return parameter;
			}
		}
		return null;
	}

	/** A new line before the block's closing brace, indented like the block's other settings. */
	static TextEdit insertSetting(String text, EObject block, String setting) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(block);
		INode close = lastKeyword(node, "}");
		int closeAt = close.getOffset();
		int lineStart = lineStart(text, closeAt);
		if (!text.substring(lineStart, closeAt).isBlank()) {
			return new TextEdit(closeAt, 0, setting + " ");
		}
		String blockIndent = indentAt(text, lineStart(text, node.getOffset()));
		String indent = blockIndent + "    ";
		for (EObject child : block.eContents()) {
			INode childNode = NodeModelUtils.findActualNodeFor(child);
			int childLine = lineStart(text, childNode.getOffset());
			if (text.substring(childLine, childNode.getOffset()).isBlank()) {
				indent = text.substring(childLine, childNode.getOffset());
				break;
			}
		}
		return new TextEdit(lineStart, 0, indent + setting + lineDelimiter(text));
	}

	private static TextEdit deleteLines(String text, INode node) {
		int start = lineStart(text, node.getOffset());
		int end = node.getEndOffset();
		while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
			end++;
		}
		if (end < text.length() && text.charAt(end) == '\r') {
			end++;
		}
		if (end < text.length() && text.charAt(end) == '\n') {
			end++;
		}
		return new TextEdit(start, end - start, "");
	}

	private static TextEdit deleteFrom(INode first, INode last) {
		int start = first.getOffset();
		String before = first.getRootNode().getText();
		while (start > 0 && before.charAt(start - 1) == ' ') {
			start--;
		}
		return new TextEdit(start, last.getEndOffset() - start, "");
	}

	private static TextEdit replace(INode node, String text) {
		return new TextEdit(node.getOffset(), node.getLength(), text);
	}

	private static INode featureNode(EObject object, EStructuralFeature feature) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(object, feature);
		return nodes.isEmpty() ? null : nodes.get(0);
	}

	private static INode lastKeyword(INode node, String... values) {
		INode found = null;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden() && leaf.getGrammarElement() instanceof Keyword keyword) {
				for (String value : values) {
					if (value.equals(keyword.getValue())) {
						found = leaf;
					}
				}
			}
		}
		if (found == null) {
			throw new IllegalStateException("no " + String.join("/", values) + " in " + node.getText());
		}
		return found;
	}

	private static INode keywordBefore(INode node, String value) {
		for (INode each = node.getPreviousSibling(); each != null;
				each = each.getPreviousSibling()) {
			if (each instanceof ILeafNode leaf && leaf.getGrammarElement() instanceof Keyword keyword
					&& value.equals(keyword.getValue())) {
				return leaf;
			}
		}
		return node;
	}

	private static int lineStart(String text, int offset) {
		int start = offset;
		while (start > 0 && text.charAt(start - 1) != '\n') {
			start--;
		}
		return start;
	}

	private static String indentAt(String text, int lineStart) {
		int end = lineStart;
		while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
			end++;
		}
		return text.substring(lineStart, end);
	}

	private static String lineDelimiter(String text) {
		return text.contains("\r\n") ? "\r\n" : "\n";
	}
}
