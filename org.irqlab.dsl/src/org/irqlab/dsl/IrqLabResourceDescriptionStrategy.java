package org.irqlab.dsl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.apache.log4j.Logger;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Machine;

/**
 * Exports machines and device types with a digest of their text, so that an edit of a machine's body
 * (`cpus 8` to `cpus 2`) changes the index. Xtext rebuilds the files that use a name only when that
 * name's exported description changes; without the digest, a scenario in another file would keep the
 * diagnostics of the machine it was first checked against, since what a scenario finds depends on the
 * whole machine and every device type it adds, not just their names.
 */
public class IrqLabResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	/** The user-data key of the digest. */
	public static final String CONTENT = "irqlab.content";

	private static final Logger LOG = Logger.getLogger(IrqLabResourceDescriptionStrategy.class);

	@Override
	public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
		if (!(object instanceof Machine || object instanceof DeviceType) || getQualifiedNameProvider() == null) {
			return super.createEObjectDescriptions(object, acceptor);
		}
		ICompositeNode node = NodeModelUtils.getNode(object);
		QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(object);
		if (name == null || node == null) {
			return super.createEObjectDescriptions(object, acceptor);
		}
		acceptor.accept(EObjectDescription.create(name, object, Map.of(CONTENT, digest(node.getText()))));
		return true;
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		} catch (NoSuchAlgorithmException e) {
			LOG.warn("no SHA-256 in this JDK; dependent files follow their machines' edits less precisely", e);
			return Integer.toHexString(text.hashCode());
		}
	}
}
