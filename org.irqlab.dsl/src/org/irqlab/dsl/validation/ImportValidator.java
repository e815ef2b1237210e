package org.irqlab.dsl.validation;

import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;
import org.irqlab.dsl.model.Import;
import org.irqlab.dsl.model.ModelPackage.Literals;

import com.google.inject.Inject;

/** An import must name something: `import nowhere.*` would otherwise be accepted and silently do nothing. */
public class ImportValidator extends IrqLabCheckBase {

	@Inject
	private ResourceDescriptionsProvider index;

	@Inject
	private IQualifiedNameConverter names;

	@Check
	public void importNamesSomething(Import imported) {
		String text = imported.getImportedNamespace();
		if (text == null || text.isBlank() || imported.eResource() == null) {
			return;
		}
		boolean wildcard = text.endsWith(".*");
		QualifiedName name = names.toQualifiedName(wildcard ? text.substring(0, text.length() - 2) : text);
		IResourceDescriptions descriptions = index.getResourceDescriptions(imported.eResource());
		for (IEObjectDescription exported : descriptions.getExportedObjects()) {
			QualifiedName candidate = exported.getName();
			if (wildcard ? candidate.getSegmentCount() > name.getSegmentCount() && candidate.startsWith(name)
					: candidate.equals(name)) {
				return;
			}
		}
		warning((wildcard ? "no machine, device type or scenario is declared in package " + name
				: "no machine, device type or scenario is named " + name) + ": this import brings in nothing",
				imported, Literals.IMPORT__IMPORTED_NAMESPACE, IssueCodes.IMPORT_NAMES_NOTHING);
	}
}
