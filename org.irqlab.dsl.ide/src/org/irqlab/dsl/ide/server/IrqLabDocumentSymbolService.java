package org.irqlab.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqlab.dsl.ide.outline.ModelSymbols;

import com.google.inject.Inject;

/** Document symbols from the same outline the Eclipse Outline view shows, events included. */
public class IrqLabDocumentSymbolService extends HierarchicalDocumentSymbolService {

	@Inject
	private ModelSymbols symbols;

	@Override
	public List<DocumentSymbol> getSymbols(Document document, XtextResource resource, DocumentSymbolParams params,
			CancelIndicator cancelIndicator) {
		List<DocumentSymbol> result = new ArrayList<>();
		for (ModelSymbols.Symbol symbol : symbols.of(resource)) {
			result.add(toDocumentSymbol(document, symbol));
		}
		return result;
	}

	private static DocumentSymbol toDocumentSymbol(Document document, ModelSymbols.Symbol symbol) {
		List<DocumentSymbol> children = new ArrayList<>();
		for (ModelSymbols.Symbol child : symbol.children()) {
			children.add(toDocumentSymbol(document, child));
		}
		Range range = new Range(document.getPosition(symbol.offset()), document.getPosition(symbol.offset() + symbol.length()));
		Range selection = new Range(document.getPosition(symbol.nameOffset()),
				document.getPosition(symbol.nameOffset() + symbol.nameLength()));
		return new DocumentSymbol(symbol.name(), kindOf(symbol.kind()), range, selection, symbol.detail(), children);
	}

	private static SymbolKind kindOf(ModelSymbols.Kind kind) {
		return switch (kind) {
			case MACHINE -> SymbolKind.Module;
			case DEVICE_TYPE -> SymbolKind.Class;
			case SCENARIO -> SymbolKind.Function;
			case EVENT -> SymbolKind.Event;
		};
	}
}
