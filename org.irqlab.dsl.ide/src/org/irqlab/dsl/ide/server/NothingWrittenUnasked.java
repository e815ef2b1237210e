package org.irqlab.dsl.ide.server;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The language server builds to validate, never to write: an editor opening a model must not find
 * report files appearing beside it. Reports come from `irqlab report` (the Eclipse builder, which calls the
 * generator itself, still writes irqlab-gen/).
 */
public class NothingWrittenUnasked implements IShouldGenerate {
	@Override
	public boolean shouldGenerate(Resource resource, CancelIndicator cancelIndicator) {
		return false;
	}
}
