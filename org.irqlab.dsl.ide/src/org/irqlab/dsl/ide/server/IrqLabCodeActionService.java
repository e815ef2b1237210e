package org.irqlab.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;
import org.irqlab.dsl.ide.quickfix.CapacityQuickFixes;
import org.irqlab.dsl.ide.quickfix.QuickFix;
import org.irqlab.dsl.ide.quickfix.TextEdit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.inject.Inject;

/** The language server's code actions: the shared quick fixes for each diagnostic the client sends back. */
public class IrqLabCodeActionService implements ICodeActionService2 {

	@Inject
	private CapacityQuickFixes quickFixes;

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		if (options.getResource() != null && options.getDocument() != null) {
			return codeActions(options, options.getResource(), options.getDocument());
		}
		// Some requests reach here with only the URI: read the document the way the server's own services do.
		return options.getLanguageServerAccess().doSyncRead(options.getURI(),
				context -> codeActions(options, context.getResource(), context.getDocument()));
	}

	private List<Either<Command, CodeAction>> codeActions(Options options, Resource resource, Document document) {
		List<Either<Command, CodeAction>> actions = new ArrayList<>();
		if (!(resource instanceof XtextResource xtextResource)) {
			return actions;
		}
		// two diagnostics on one add (a fallback and a failure) share fixes: one action each, for both
		Map<List<TextEdit>, CodeAction> byEdits = new java.util.HashMap<>();
		for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
			String code = diagnostic.getCode() == null ? null
					: diagnostic.getCode().isLeft() ? diagnostic.getCode().getLeft() : null;
			if (code == null || !quickFixes.hasFixesFor(code)) {
				continue;
			}
			int offset = document.getOffSet(diagnostic.getRange().getStart());
			for (QuickFix fix : quickFixes.fixes(xtextResource, code, data(diagnostic.getData()), offset)) {
				CodeAction same = byEdits.get(fix.edits());
				if (same != null) {
					List<Diagnostic> both = new ArrayList<>(same.getDiagnostics());
					both.add(diagnostic);
					same.setDiagnostics(both);
					continue;
				}
				CodeAction action = toCodeAction(fix, diagnostic, document, options.getURI());
				byEdits.put(fix.edits(), action);
				actions.add(Either.forRight(action));
			}
		}
		return actions;
	}

	private static CodeAction toCodeAction(QuickFix fix, Diagnostic diagnostic, Document document, String uri) {
		List<org.eclipse.lsp4j.TextEdit> edits = new ArrayList<>();
		for (TextEdit edit : fix.edits()) {
			Range range = new Range(document.getPosition(edit.offset()), document.getPosition(edit.offset() + edit.length()));
			edits.add(new org.eclipse.lsp4j.TextEdit(range, edit.text()));
		}
		CodeAction action = new CodeAction(fix.label());
		action.setKind(CodeActionKind.QuickFix);
		action.setDiagnostics(List.of(diagnostic));
		action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
		return action;
	}

	/** The issue data Xtext put on the diagnostic comes back from the client as JSON. */
	private static String[] data(Object data) {
		if (data instanceof String[] strings) {
			return strings;
		}
		if (data instanceof JsonArray array) {
			String[] result = new String[array.size()];
			for (int i = 0; i < result.length; i++) {
				JsonElement each = array.get(i);
				result[i] = each.isJsonNull() ? null : each.getAsString();
			}
			return result;
		}
		if (data instanceof List<?> list) {
			return list.stream().map(String::valueOf).toArray(String[]::new);
		}
		return new String[0];
	}
}
