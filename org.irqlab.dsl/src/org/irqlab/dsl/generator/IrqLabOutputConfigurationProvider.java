package org.irqlab.dsl.generator;

import java.util.Set;

import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.IOutputConfigurationProvider;
import org.eclipse.xtext.generator.OutputConfiguration;

/**
 * The generator's one output: irqlab-gen/ in the model's project, the folder `irqlab report` also
 * defaults to, instead of Xtext's src-gen/ (reports are not sources).
 */
public class IrqLabOutputConfigurationProvider implements IOutputConfigurationProvider {

	public static final String DEFAULT_FOLDER = "irqlab-gen";

	@Override
	public Set<OutputConfiguration> getOutputConfigurations() {
		OutputConfiguration reports = new OutputConfiguration(IFileSystemAccess.DEFAULT_OUTPUT);
		reports.setDescription("IrqLab reports");
		reports.setOutputDirectory("./" + DEFAULT_FOLDER);
		reports.setOverrideExistingResources(true);
		reports.setCreateOutputDirectory(true);
		reports.setCleanUpDerivedResources(true);
		reports.setSetDerivedProperty(true);
		reports.setKeepLocalHistory(false);
		return Set.of(reports);
	}
}
