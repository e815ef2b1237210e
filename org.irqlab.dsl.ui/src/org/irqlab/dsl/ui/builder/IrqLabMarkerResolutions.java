package org.irqlab.dsl.ui.builder;

import java.util.List;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.swt.graphics.Image;
import org.irqlab.dsl.ide.quickfix.QuickFix;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.quickfix.QuickFixes;

/**
 * Quick fixes on the builder's markers (Problems view, Ctrl+1 on the ruler): the same fixes the editor
 * and the language server offer, applied to the file's shared buffer so an open editor sees them.
 */
public class IrqLabMarkerResolutions implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return QuickFixes.hasFixesFor(marker.getAttribute(ProblemMarkers.CODE, ""));
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		if (!(marker.getResource() instanceof IFile file) || !hasResolutions(marker)) {
			return new IMarkerResolution[0];
		}
		try {
			List<QuickFix> fixes = withBuffer(file, buffer -> QuickFixes.fixes(buffer.getDocument(),
					marker.getAttribute(ProblemMarkers.CODE, ""), ProblemMarkers.data(marker),
					marker.getAttribute(IMarker.CHAR_START, 0)));
			return fixes.stream().map(fix -> new Resolution(file, fix)).toArray(IMarkerResolution[]::new);
		} catch (CoreException e) {
			IrqLabUiPlugin.getDefault().getLog().log(e.getStatus());
			return new IMarkerResolution[0];
		}
	}

	interface BufferWork<T> {
		T run(ITextFileBuffer buffer) throws CoreException;
	}

	static <T> T withBuffer(IFile file, BufferWork<T> work) throws CoreException {
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		IPath path = file.getFullPath();
		manager.connect(path, LocationKind.IFILE, null);
		try {
			return work.run(manager.getTextFileBuffer(path, LocationKind.IFILE));
		} finally {
			manager.disconnect(path, LocationKind.IFILE, null);
		}
	}

	private static final class Resolution implements IMarkerResolution2 {
		private final IFile file;
		private final QuickFix fix;

		Resolution(IFile file, QuickFix fix) {
			this.file = file;
			this.fix = fix;
		}

		@Override
		public String getLabel() {
			return fix.label();
		}

		@Override
		public String getDescription() {
			return fix.label();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public void run(IMarker marker) {
			try {
				withBuffer(file, buffer -> {
					boolean wasDirty = buffer.isDirty();
					try {
						QuickFixes.apply(fix, buffer.getDocument());
					} catch (BadLocationException e) {
						// the file changed since the marker was made; the next build brings fresh markers
						return null;
					}
					// Save only what was saved before: unsaved edits of the user stay the user's to save.
					if (!wasDirty) {
						buffer.commit(null, true);
					}
					return null;
				});
			} catch (CoreException e) {
				IrqLabUiPlugin.getDefault().getLog().log(e.getStatus());
			}
		}
	}
}
