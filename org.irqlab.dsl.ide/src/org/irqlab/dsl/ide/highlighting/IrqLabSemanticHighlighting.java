package org.irqlab.dsl.ide.highlighting;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;
import org.irqlab.dsl.model.ModelPackage;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.services.IrqLabGrammarAccess;

import com.google.inject.Inject;

/**
 * The language server's semantic tokens (Xtext's SemanticTokensService encodes what this accepts): the
 * ids are LSP's standard token types and modifiers, which is the legend Xtext advertises. Names are
 * classified by what they name, not by how they are spelled, since any keyword can be a name
 * (`scenario offline on m`): machines are classes, device types types, scenarios functions, named devices
 * variables, packages namespaces, each with `declaration` where it is declared. Then keywords, the enum
 * values (drivers, kernel profiles, `true`) as enum members, numbers, comments and strings; the TextMate
 * grammar (syntaxes/irqlab.tmLanguage.json) makes the same split between keywords and values.
 */
public class IrqLabSemanticHighlighting implements ISemanticHighlightingCalculator {

	public static final String NAMESPACE = "namespace";
	public static final String CLASS = "class";
	public static final String TYPE = "type";
	public static final String FUNCTION = "function";
	public static final String VARIABLE = "variable";
	public static final String KEYWORD = "keyword";
	public static final String ENUM_MEMBER = "enumMember";
	public static final String NUMBER = "number";
	public static final String COMMENT = "comment";
	public static final String STRING = "string";
	public static final String DECLARATION = "declaration";

	@Inject
	private IrqLabGrammarAccess grammar;

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor,
			CancelIndicator cancelIndicator) {
		if (resource == null || resource.getParseResult() == null || resource.getParseResult().getRootNode() == null) {
			return;
		}
		// start offset -> end offset of every name already classified; their leaves are not looked at again
		TreeMap<Integer, Integer> names = new TreeMap<>();
		for (var contents = resource.getAllContents(); contents.hasNext();) {
			if (cancelIndicator.isCanceled()) {
				return;
			}
			names(contents.next(), acceptor, names);
		}
		for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
			if (leaf.getLength() > 0 && !inside(names, leaf.getOffset())) {
				leaf(leaf, acceptor);
			}
		}
	}

	private void names(EObject object, IHighlightedPositionAcceptor acceptor, TreeMap<Integer, Integer> names) {
		EStructuralFeature nameFeature = object.eClass().getEStructuralFeature("name");
		String declared = declaredKind(object.eClass());
		if (nameFeature != null && declared != null) {
			accept(object, nameFeature, acceptor, names, declared, DECLARATION);
		}
		if (object.eClass() == Literals.IMPORT) {
			accept(object, Literals.IMPORT__IMPORTED_NAMESPACE, acceptor, names, NAMESPACE);
		}
		for (EReference reference : object.eClass().getEAllReferences()) {
			if (!reference.isContainment() && !reference.isContainer()) {
				String kind = referenceKind(reference.getEReferenceType());
				if (kind != null) {
					accept(object, reference, acceptor, names, kind);
				}
			}
		}
	}

	/** How a declared name shows, by what it names; null for what has no name of its own. */
	private static String declaredKind(EClass type) {
		if (type == Literals.MODEL) {
			return NAMESPACE;
		}
		if (type == Literals.ADD_EVENT) {
			return VARIABLE;
		}
		return referenceKind(type);
	}

	private static String referenceKind(EClass type) {
		return switch (type.getClassifierID()) {
			case ModelPackage.MACHINE -> CLASS;
			case ModelPackage.DEVICE_TYPE -> TYPE;
			case ModelPackage.SCENARIO -> FUNCTION;
			case ModelPackage.ADD_EVENT -> VARIABLE;
			default -> null;
		};
	}

	private static void accept(EObject object, EStructuralFeature feature, IHighlightedPositionAcceptor acceptor,
			TreeMap<Integer, Integer> names, String... ids) {
		for (INode node : NodeModelUtils.findNodesForFeature(object, feature)) {
			ITextRegion region = node.getTextRegion();
			if (region.getLength() > 0) {
				acceptor.addPosition(region.getOffset(), region.getLength(), ids);
				names.put(region.getOffset(), region.getOffset() + region.getLength());
			}
		}
	}

	private static boolean inside(TreeMap<Integer, Integer> names, int offset) {
		Map.Entry<Integer, Integer> before = names.floorEntry(offset);
		return before != null && offset < before.getValue();
	}

	private void leaf(ILeafNode leaf, IHighlightedPositionAcceptor acceptor) {
		EObject element = leaf.getGrammarElement();
		if (leaf.isHidden()) {
			if (element == grammar.getSL_COMMENTRule() || element == grammar.getML_COMMENTRule()) {
				comment(leaf, acceptor);
			}
			return;
		}
		if (isKernelVersion(leaf)) {
			// `kernel 5.14.0-427.13.1.el9_4.x86_64`: one value (one token), as the profile names were as enum values
			INode release = leaf.getParent();
			if (release.getOffset() == leaf.getOffset()) { // its first visible word
				acceptor.addPosition(release.getOffset(), release.getLength(), ENUM_MEMBER);
			}
		} else if (isEnumLiteral(element)) {
			acceptor.addPosition(leaf.getOffset(), leaf.getLength(), startsItsStatement(leaf) ? KEYWORD : ENUM_MEMBER);
		} else if (element instanceof Keyword keyword) {
			if (Character.isLetterOrDigit(keyword.getValue().charAt(0))) {
				acceptor.addPosition(leaf.getOffset(), leaf.getLength(), KEYWORD);
			}
			// punctuation ({ } : , - .*) stays with the editor's default colour
		} else if (element instanceof RuleCall call) {
			if (call.getRule() == grammar.getINTRule()) {
				acceptor.addPosition(leaf.getOffset(), leaf.getLength(), NUMBER);
			} else if (call.getRule() == grammar.getSTRINGRule()) {
				acceptor.addPosition(leaf.getOffset(), leaf.getLength(), STRING);
			}
		}
	}

	private boolean isKernelVersion(ILeafNode leaf) {
		return leaf.getParent() != null && leaf.getParent().getGrammarElement() instanceof RuleCall call
				&& call.getRule() == grammar.getKernelVersionTextRule();
	}

	/** The parser records an enum value's leaf as its literal declaration (not as a keyword). */
	private static boolean isEnumLiteral(EObject element) {
		return element instanceof EnumLiteralDeclaration || element instanceof RuleCall call && call.getRule() instanceof EnumRule
				|| element instanceof Keyword keyword && keyword.eContainer() instanceof EnumLiteralDeclaration;
	}

	/**
	 * Whether the leaf is the first word of its statement: an enum literal there is the statement's keyword
	 * (`offline 2`, `num_request_queues 1`, `msi_reservation on`), elsewhere it is a value (`kernel 6.12`,
	 * `: virtio_blk`, `managed true`).
	 */
	private static boolean startsItsStatement(ILeafNode leaf) {
		EObject statement = NodeModelUtils.findActualSemanticObjectFor(leaf);
		INode node = statement == null ? null : NodeModelUtils.findActualNodeFor(statement);
		return node != null && node.getOffset() == leaf.getOffset();
	}

	/** One token per line: LSP clients need not support tokens that span lines. */
	private static void comment(ILeafNode leaf, IHighlightedPositionAcceptor acceptor) {
		String text = leaf.getText();
		int start = 0;
		while (start < text.length()) {
			int end = text.indexOf('\n', start);
			int lineEnd = end < 0 ? text.length() : end;
			int length = lineEnd - start;
			if (length > 0 && text.charAt(lineEnd - 1) == '\r') {
				length--;
			}
			if (length > 0) {
				acceptor.addPosition(leaf.getOffset() + start, length, COMMENT);
			}
			start = lineEnd + 1;
		}
	}
}
