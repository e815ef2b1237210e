package org.irqlab.dsl.ui.editor;

import org.eclipse.jface.text.AbstractInformationControl;
import org.eclipse.jface.text.IInformationControl;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;

/**
 * The `add` hover's window: long lines wrap at the hover's width, and the window is as tall as the wrapped
 * text (up to most of the screen, then it scrolls), where the text viewer would cut a hover off after 12
 * lines.
 */
public final class WrappingHoverControl extends AbstractInformationControl {

	/** The most of the monitor's height a hover takes; beyond it the text scrolls. */
	private static final double SCREEN_SHARE = 0.8;

	public static final IInformationControlCreator CREATOR = new IInformationControlCreator() {
		@Override
		public IInformationControl createInformationControl(Shell parent) {
			return new WrappingHoverControl(parent);
		}
	};

	private StyledText text;

	public WrappingHoverControl(Shell parent) {
		super(parent, (String) null);
		create();
	}

	@Override
	protected void createContent(Composite parent) {
		text = new StyledText(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
		text.setForeground(parent.getForeground());
		text.setBackground(parent.getBackground());
		text.setFont(parent.getFont());
		text.setMargins(4, 2, 4, 2);
	}

	@Override
	public void setInformation(String information) {
		text.setText(information == null ? "" : information);
	}

	@Override
	public boolean hasContents() {
		return text.getCharCount() > 0;
	}

	/** As wide as the longest line up to the constraint's width, as tall as the text wrapped to that width. */
	@Override
	public Point computeSizeHint() {
		Point constraints = getSizeConstraints();
		Rectangle trim = computeTrim();
		int maxWidth = constraints == null ? Integer.MAX_VALUE : constraints.x - trim.width;
		int natural = text.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
		int width = Math.min(natural, maxWidth);
		int height = text.computeSize(width, SWT.DEFAULT).y;
		int maxHeight = (int) (getShell().getDisplay().getPrimaryMonitor().getClientArea().height * SCREEN_SHARE);
		return new Point(width + trim.width, Math.min(height, maxHeight) + trim.height);
	}

	/** The viewer asks for at most 12 lines; this hover may use most of the screen's height instead. */
	@Override
	public Point computeSizeConstraints(int widthInChars, int heightInChars) {
		GC gc = new GC(text);
		try {
			int charWidth = (int) gc.getFontMetrics().getAverageCharacterWidth();
			int screenHeight = getShell().getDisplay().getPrimaryMonitor().getClientArea().height;
			return new Point(widthInChars * charWidth, (int) (screenHeight * SCREEN_SHARE));
		} finally {
			gc.dispose();
		}
	}

	@Override
	public IInformationControlCreator getInformationPresenterControlCreator() {
		return CREATOR;
	}
}
